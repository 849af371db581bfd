import {
  type FeedbackClassified,
  type FeedbackReceived,
  IsoDateTime,
  topics,
} from '@closeloop/shared/events'
import { uuidv5 } from '@closeloop/shared/ids'
import type { Inbound, Outbound } from '@closeloop/shared/kafka'
import { z } from 'zod'
import type { Classification, Classifier, ClassifyInput } from './domain/classify.ts'
import type { CustomerHistory } from './store/customer-history.ts'

export type ClassifyHandlerDeps = {
  classifierFor(tenantId: string): Classifier
  history: CustomerHistory
  now: () => Date
}

export const classifyInputOf = (
  feedback: FeedbackReceived,
  history?: ClassifyInput['history'],
): ClassifyInput => ({
  text: feedback.text,
  channel: feedback.channel,
  rating: feedback.rating,
  customer: { tier: feedback.customer.tier },
  contactRequested: feedback.contactRequested,
  languageHint: feedback.language,
  history,
  occurredAt: feedback.occurredAt,
})

/** The FeedbackClassified event for a result, keyed by the customer like its input. */
export const classifiedEvent = (
  feedback: FeedbackReceived,
  result: Classification,
  classifiedAt: string,
  opts: { reclassification?: boolean } = {},
): Outbound => {
  const data: FeedbackClassified = {
    feedbackId: feedback.feedbackId,
    tenantId: feedback.tenantId,
    customerKey: feedback.customerKey,
    classifiedAt,
    ...result,
    ...(opts.reclassification ? { reclassification: true } : {}),
    feedback,
  }
  return {
    topic: topics.feedbackClassified,
    key: feedback.customerKey,
    event: {
      // Same input and versions give the same id: a redelivery, or a reclassification with
      // an unchanged model and rules, is stored once.
      id: uuidv5(
        `classified\n${feedback.feedbackId}\n${result.model.version}\n${result.rulesVersion}`,
      ),
      type: topics.feedbackClassified.ceType,
      source: opts.reclassification ? '/closeloop/classifier/reclassify' : '/closeloop/classifier',
      time: classifiedAt,
      tenant: feedback.tenantId,
      subject: feedback.feedbackId,
      data,
    },
  }
}

/** FeedbackReceived in, FeedbackClassified out. */
export const createClassifyHandler =
  (deps: ClassifyHandlerDeps) =>
  (message: Inbound): Outbound[] => {
    const feedback = message.event.data as FeedbackReceived
    const received = new Date(feedback.receivedAt)
    const history = deps.history.get(feedback.customerKey, received, feedback.feedbackId)
    const result = deps
      .classifierFor(feedback.tenantId)
      .classify(classifyInputOf(feedback, history))
    deps.history.record(feedback.customerKey, feedback.feedbackId, received, result.needsContact)
    return [classifiedEvent(feedback, result, deps.now().toISOString())]
  }

/**
 * Rebuilds the history from one FeedbackClassified event the classifier published earlier.
 * Reclassifications are not contacts: the customer did not write again.
 */
// The part of a classification the history reads: all that its follower checks.
export const ClassifiedContact = z.object({
  customerKey: z.string().min(1),
  feedbackId: z.string().min(1),
  needsContact: z.boolean(),
  reclassification: z.boolean().optional(),
  feedback: z.object({ receivedAt: IsoDateTime }),
})
export type ClassifiedContact = z.infer<typeof ClassifiedContact>

export const recordClassified = (history: CustomerHistory, classified: ClassifiedContact) => {
  if (classified.reclassification === true) return
  history.record(
    classified.customerKey,
    classified.feedbackId,
    new Date(classified.feedback.receivedAt),
    classified.needsContact,
  )
}
