import { z } from 'zod'

/** Tenant ids are lower-case slugs: they appear in URLs, topic headers and ClickHouse keys. */
export const TenantId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, at most 63')
export type TenantId = z.infer<typeof TenantId>

export const IsoDateTime = z.iso.datetime({ offset: true })

export const Channel = z.enum([
  'web',
  'email',
  'phone',
  'chat',
  'sms',
  'social',
  'survey',
  'in_person',
  'other',
])
export type Channel = z.infer<typeof Channel>

export const CustomerTier = z.enum(['standard', 'silver', 'gold', 'vip'])
export type CustomerTier = z.infer<typeof CustomerTier>

/** Who the feedback is from; at least one of id, email or phone identifies them. */
export const Customer = z.object({
  id: z.string().min(1).max(200).optional(),
  name: z.string().min(1).max(200).optional(),
  email: z.email().max(320).optional(),
  // E.164, the form call systems send.
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'E.164, e.g. +15551234567')
    .optional(),
  tier: CustomerTier.optional(),
})
export type Customer = z.infer<typeof Customer>

/** A survey score or star rating normalised to its own scale (1–5 stars, 0–10 NPS). */
export const Rating = z
  .object({ value: z.number().min(0), max: z.union([z.literal(5), z.literal(10)]) })
  .refine((r) => r.value <= r.max, { message: 'value must not exceed max', path: ['value'] })
export type Rating = z.infer<typeof Rating>

export const Metadata = z.record(
  z.string().max(100),
  z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
)
export type Metadata = z.infer<typeof Metadata>

export const SentimentLabel = z.enum(['negative', 'neutral', 'positive'])
export type SentimentLabel = z.infer<typeof SentimentLabel>

export const UrgencyLevel = z.enum(['critical', 'high', 'normal', 'low'])
export type UrgencyLevel = z.infer<typeof UrgencyLevel>
