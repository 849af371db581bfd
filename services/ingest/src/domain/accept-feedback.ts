import type { Channel, FeedbackReceived } from '@closeloop/shared/events'
import { customerKeyOf } from '@closeloop/shared/events'
import type { FeedbackInput } from './feedback-input.ts'

export type AcceptContext = {
  tenantId: string
  sourceId: string
  sourceChannel: Channel
  // Idempotency-Key header, if the caller sent one.
  idempotencyKey?: string
  now: Date
  ids: { v5(name: string): string; v7(now: number): string }
}

/**
 * Builds the FeedbackReceived event. The id is deterministic when the source gives an external id
 * or an Idempotency-Key, so a retried post becomes the same event and is stored once.
 */
export const acceptFeedback = (input: FeedbackInput, ctx: AcceptContext): FeedbackReceived => {
  const dedupeKey = ctx.idempotencyKey ?? input.externalId
  const feedbackId = dedupeKey
    ? ctx.ids.v5(`${ctx.tenantId}\n${ctx.sourceId}\n${dedupeKey}`)
    : ctx.ids.v7(ctx.now.getTime())
  const receivedAt = ctx.now.toISOString()
  // Anonymous feedback still counts; it just has no one to call back, so it keys on itself.
  const customerKey =
    customerKeyOf(ctx.tenantId, input.customer) ?? `${ctx.tenantId}/anon:${feedbackId}`
  return {
    feedbackId,
    tenantId: ctx.tenantId,
    sourceId: ctx.sourceId,
    customerKey,
    channel: input.channel ?? ctx.sourceChannel,
    text: input.text,
    customer: input.customer,
    externalId: input.externalId,
    rating: input.rating,
    location: input.location,
    product: input.product,
    language: input.language,
    contactRequested: input.contactRequested,
    occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : receivedAt,
    receivedAt,
    metadata: input.metadata,
  }
}
