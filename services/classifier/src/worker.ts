import { type FeedbackClassified, type FeedbackReceived, topics } from '@closeloop/shared/events'
import { uuidv5 } from '@closeloop/shared/ids'
import type { Inbound, Outbound } from '@closeloop/shared/kafka'
import type { Classifier } from './domain/classify.ts'
import type { CustomerHistory } from './store/customer-history.ts'

export type ClassifyHandlerDeps = {
  classifierFor(tenantId: string): Classifier
  history: CustomerHistory
  now: () => Date
}

/** FeedbackReceived in, FeedbackClassified out, keyed by the same customer key. */
export const createClassifyHandler =
  (deps: ClassifyHandlerDeps) =>
  (message: Inbound): Outbound[] => {
    const feedback = message.event.data as FeedbackReceived
    const classifier = deps.classifierFor(feedback.tenantId)
    const received = new Date(feedback.receivedAt)
    const result = classifier.classify({
      text: feedback.text,
      channel: feedback.channel,
      rating: feedback.rating,
      customer: { tier: feedback.customer.tier },
      contactRequested: feedback.contactRequested,
      languageHint: feedback.language,
      history: deps.history.get(feedback.customerKey, received),
      occurredAt: feedback.occurredAt,
    })
    deps.history.record(feedback.customerKey, received, result.needsContact)
    const classifiedAt = deps.now().toISOString()
    const data: FeedbackClassified = {
      feedbackId: feedback.feedbackId,
      tenantId: feedback.tenantId,
      customerKey: feedback.customerKey,
      classifiedAt,
      ...result,
      feedback,
    }
    return [
      {
        topic: topics.feedbackClassified,
        key: message.key,
        event: {
          // Same input and versions give the same id, so a redelivery is stored once.
          id: uuidv5(
            `classified\n${feedback.feedbackId}\n${result.model.version}\n${result.rulesVersion}`,
          ),
          type: topics.feedbackClassified.ceType,
          source: '/closeloop/classifier',
          time: classifiedAt,
          tenant: feedback.tenantId,
          subject: feedback.feedbackId,
          data,
        },
      },
    ]
  }
