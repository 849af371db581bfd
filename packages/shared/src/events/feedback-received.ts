import { z } from 'zod'
import { Channel, Customer, IsoDateTime, Metadata, Rating, TenantId } from './common.ts'

/** One piece of feedback as accepted by ingest; the source of truth for everything after it. */
export const FeedbackReceived = z.object({
  feedbackId: z.uuid(),
  tenantId: TenantId,
  sourceId: z.string().min(1).max(100),
  // Everything about one customer is keyed (and so ordered) by this.
  customerKey: z.string().min(1).max(400),
  channel: Channel,
  text: z.string().min(1).max(20_000),
  customer: Customer,
  externalId: z.string().min(1).max(200).optional(),
  rating: Rating.optional(),
  location: z.string().min(1).max(200).optional(),
  product: z.string().min(1).max(200).optional(),
  // BCP 47 tag the source claims; the classifier detects its own.
  language: z.string().min(2).max(35).optional(),
  contactRequested: z.boolean(),
  // A call record's extras: direction and length of the call.
  call: z
    .object({
      callId: z.string().min(1).max(200),
      direction: z.enum(['inbound', 'outbound']),
      durationSeconds: z.number().int().min(0).optional(),
    })
    .optional(),
  occurredAt: IsoDateTime,
  receivedAt: IsoDateTime,
  metadata: Metadata,
})
export type FeedbackReceived = z.infer<typeof FeedbackReceived>
