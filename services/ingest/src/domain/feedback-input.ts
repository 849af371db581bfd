import { Channel, Customer, Metadata } from '@closeloop/shared/events'
import { z } from 'zod'

const trimmed = (max: number) => z.string().trim().min(1).max(max)

// Forms send checkboxes as "on" and everything as strings; JSON sends booleans.
const formBoolean = z.union([
  z.boolean(),
  z.enum(['on', 'true', '1', 'yes']).transform(() => true),
  z.enum(['off', 'false', '0', 'no', '']).transform(() => false),
])

// A bare number is a 1–5 star rating; survey scores say their scale.
const RatingInput = z.union([
  z.coerce
    .number()
    .min(1)
    .max(5)
    .transform((value) => ({ value, max: 5 as const })),
  z
    .object({
      value: z.coerce.number().min(0),
      max: z.coerce.number().pipe(z.union([z.literal(5), z.literal(10)])),
    })
    .refine((r) => r.value <= r.max, { message: 'value must not exceed max', path: ['value'] }),
])

/** What a source may post; tenant and source come from its key, ids and times from us. */
export const FeedbackInput = z
  .object({
    text: trimmed(20_000),
    customer: Customer.default({}),
    channel: Channel.optional(),
    externalId: trimmed(200).optional(),
    rating: RatingInput.optional(),
    location: trimmed(200).optional(),
    product: trimmed(200).optional(),
    language: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'a BCP 47 tag like en or pt-BR')
      .optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    contactRequested: formBoolean.default(false),
    metadata: Metadata.default({}),
  })
  .strict()
  .superRefine((input, ctx) => {
    const reachable = input.customer.email || input.customer.phone
    if (input.contactRequested && !reachable) {
      ctx.addIssue({
        code: 'custom',
        path: ['customer'],
        message: 'contactRequested needs customer.email or customer.phone to contact them',
      })
    }
  })
export type FeedbackInput = z.infer<typeof FeedbackInput>

const customerFields = new Set(['id', 'name', 'email', 'phone', 'tier'])
const topFields = new Set(Object.keys(FeedbackInput.shape))

/**
 * Turns flat form fields into the JSON shape: `customer.email` or plain `email`,
 * `metadata.x` into metadata. Fields a form has for its own sake (a submit button, a hidden
 * campaign field) are kept in metadata rather than refused. Empty optional fields count as not given.
 */
export const formToInput = (fields: Record<string, string>): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  const customer: Record<string, string> = {}
  const metadata: Record<string, string> = {}
  for (const [name, raw] of Object.entries(fields)) {
    const value = raw.trim()
    if (value === '' && name !== 'contactRequested') continue
    const [head, tail] = name.includes('.')
      ? [name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1)]
      : [name, '']
    if (head === 'customer' && tail) customer[tail] = value
    else if (head === 'metadata' && tail) metadata[tail] = value
    else if (customerFields.has(name)) customer[name] = value
    else if (name === 'rating.value' || name === 'rating.max') {
      const r = (out.rating as Record<string, string> | undefined) ?? {}
      r[name.slice(7)] = value
      out.rating = r
    } else if (topFields.has(name)) out[name] = value
    else metadata[name] = value.slice(0, 2000)
  }
  if (Object.keys(customer).length > 0) out.customer = customer
  if (Object.keys(metadata).length > 0) out.metadata = metadata
  return out
}
