import { z } from 'zod'
import { IsoDateTime, UrgencyLevel } from './common.ts'

// Fields every follow-up event carries; the event's own id is the CloudEvent id.
const base = {
  followupId: z.uuid(),
  tenantId: z.string(),
  customerKey: z.string(),
  at: IsoDateTime,
}

/** A new customer problem got a named owner and a promised contact time. */
export const FollowupOpened = z.object({
  ...base,
  kind: z.literal('opened'),
  feedbackId: z.uuid(),
  ownerId: z.string(),
  teamId: z.string().optional(),
  urgency: UrgencyLevel,
  contactBy: IsoDateTime,
  // Why this owner: the rule that matched, or the team default.
  routedBy: z.string(),
})
export type FollowupOpened = z.infer<typeof FollowupOpened>

/** Another item from the same customer joined their open follow-up. */
export const FeedbackAttached = z.object({
  ...base,
  kind: z.literal('feedback_attached'),
  feedbackId: z.uuid(),
  urgency: UrgencyLevel,
  // Set when the new item raised urgency and so moved the promise earlier.
  contactBy: IsoDateTime.optional(),
})
export type FeedbackAttached = z.infer<typeof FeedbackAttached>

/** The promise told to the customer ("we will contact you by …"), for the tenant's messaging. */
export const CustomerAcknowledged = z.object({
  ...base,
  kind: z.literal('customer_acknowledged'),
  feedbackId: z.uuid(),
  contactBy: IsoDateTime,
  ownerName: z.string(),
  message: z.string(),
})
export type CustomerAcknowledged = z.infer<typeof CustomerAcknowledged>

export const OwnerReminded = z.object({
  ...base,
  kind: z.literal('owner_reminded'),
  ownerId: z.string(),
  // Share of the SLA gone when the reminder fired, e.g. 0.5 or 0.9.
  slaFraction: z.number().min(0).max(1),
})
export type OwnerReminded = z.infer<typeof OwnerReminded>

export const FollowupEscalated = z.object({
  ...base,
  kind: z.literal('escalated'),
  fromOwnerId: z.string(),
  toOwnerId: z.string(),
  newContactBy: IsoDateTime,
})
export type FollowupEscalated = z.infer<typeof FollowupEscalated>

export const OwnerAction = z.enum(['acknowledged', 'contacted', 'resolved', 'reassigned'])
export type OwnerAction = z.infer<typeof OwnerAction>

/** Something an owner did: acknowledged, contacted the customer, resolved, or reassigned. */
export const FollowupActioned = z.object({
  ...base,
  kind: z.literal('actioned'),
  action: OwnerAction,
  actorId: z.string(),
  // resolved: the outcome; reassigned: the reason.
  note: z.string().max(2000).optional(),
  toOwnerId: z.string().optional(),
})
export type FollowupActioned = z.infer<typeof FollowupActioned>

export const FollowupEvent = z.discriminatedUnion('kind', [
  FollowupOpened,
  FeedbackAttached,
  CustomerAcknowledged,
  OwnerReminded,
  FollowupEscalated,
  FollowupActioned,
])
export type FollowupEvent = z.infer<typeof FollowupEvent>

/** Current state of one follow-up: the changelog value, replayed to rebuild the store. */
export const FollowupState = z.object({
  followupId: z.uuid(),
  tenantId: z.string(),
  customerKey: z.string(),
  status: z.enum(['open', 'acknowledged', 'contacted', 'resolved']),
  ownerId: z.string(),
  teamId: z.string().optional(),
  urgency: UrgencyLevel,
  feedbackIds: z.array(z.uuid()).min(1),
  openedAt: IsoDateTime,
  contactBy: IsoDateTime,
  firstContactAt: IsoDateTime.optional(),
  resolvedAt: IsoDateTime.optional(),
  remindersSent: z.array(z.number()),
  escalations: z.number().int().min(0),
  updatedAt: IsoDateTime,
  // Version of this state; bumps on every change so sinks keep the newest.
  version: z.number().int().min(1),
})
export type FollowupState = z.infer<typeof FollowupState>
