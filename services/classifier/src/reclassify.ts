import { FeedbackReceived } from '@closeloop/shared/events'
import type { Publisher } from '@closeloop/shared/kafka'
import { z } from 'zod'
import type { Classifier } from './domain/classify.ts'
import { classifiedEvent, classifyInputOf } from './worker.ts'

export const ExportPage = z.object({
  items: z.array(FeedbackReceived),
  next: z.string().optional(),
})
export type ExportPage = z.infer<typeof ExportPage>

export type ReclassifyDeps = {
  // One page of stored feedback after a cursor (analytics' export API in production).
  fetchPage(after?: string): Promise<ExportPage>
  classifierFor(tenantId: string): Classifier
  publisher: Pick<Publisher, 'publish'>
  now: () => Date
  // Classify and count, publish nothing.
  dryRun?: boolean
  onPage?: (done: number) => void
}

export type ReclassifySummary = {
  items: number
  published: number
  model: string
  rules: string
  sentiment: Record<string, number>
  urgency: Record<string, number>
}

const bump = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1
}

/**
 * Classifies stored feedback again with the current model and rules and publishes the results
 * as FeedbackClassified events marked `reclassification`: analytics stores them beside the old
 * ones (newest wins in reads), followup ignores them. Per-customer history is not replayed, so
 * the repeat-contact reason can be missing from these results.
 */
export const reclassifyRange = async (deps: ReclassifyDeps): Promise<ReclassifySummary> => {
  const summary: ReclassifySummary = {
    items: 0,
    published: 0,
    model: '',
    rules: '',
    sentiment: {},
    urgency: {},
  }
  let after: string | undefined
  do {
    const page = await deps.fetchPage(after)
    const classifiedAt = deps.now().toISOString()
    const out = page.items.map((feedback) => {
      const result = deps.classifierFor(feedback.tenantId).classify(classifyInputOf(feedback))
      summary.model = `${result.model.name}@${result.model.version}`
      summary.rules = result.rulesVersion
      bump(summary.sentiment, result.sentiment.label)
      bump(summary.urgency, result.urgency.level)
      return classifiedEvent(feedback, result, classifiedAt, { reclassification: true })
    })
    if (!deps.dryRun && out.length > 0) {
      await deps.publisher.publish(out)
      summary.published += out.length
    }
    summary.items += page.items.length
    deps.onPage?.(summary.items)
    after = page.next
  } while (after)
  return summary
}
