import { randomUUID } from 'node:crypto'
import { type FeedbackReceived, topics } from '@closeloop/shared/events'
import type { Outbound } from '@closeloop/shared/kafka'

/** A feedback.received event as ingest would publish it, for tests that skip ingest. */
export const receivedItem = (customerKey: string, text: string): Outbound => {
  const now = new Date().toISOString()
  const data: FeedbackReceived = {
    feedbackId: randomUUID(),
    tenantId: 'demo',
    sourceId: 'test',
    customerKey,
    channel: 'web',
    text,
    customer: { id: customerKey.split(':').pop() ?? 'c' },
    contactRequested: false,
    occurredAt: now,
    receivedAt: now,
    metadata: {},
  }
  const type = topics.feedbackReceived.ceType
  const event = { id: data.feedbackId, type, source: 'test', time: now, tenant: 'demo', data }
  return { topic: topics.feedbackReceived, key: customerKey, event }
}
