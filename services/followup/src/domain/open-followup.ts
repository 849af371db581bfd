import type {
  FeedbackClassified,
  FollowupEvent,
  FollowupState,
  UrgencyLevel,
} from '@closeloop/shared/events'

const rank: Record<UrgencyLevel, number> = { low: 0, normal: 1, high: 2, critical: 3 }
export const moreUrgent = (a: UrgencyLevel, b: UrgencyLevel): UrgencyLevel =>
  rank[a] >= rank[b] ? a : b

export type TenantPolicy = {
  id: string
  name: string
  timezone: string
  slaMinutes: Record<UrgencyLevel, number>
  owners: Array<{ id: string; name: string; role: 'lead' | 'agent'; teamId: string }>
  team: { id: string; defaultOwnerId: string }
}

export type Decision =
  | { kind: 'skip'; reason: 'no_contact_needed' | 'already_handled' | 'reclassification' }
  | { kind: 'changed'; state: FollowupState; events: FollowupEvent[] }

export type DecideContext = {
  tenant: TenantPolicy
  // Open follow-ups per owner, for balancing.
  openLoad: (ownerId: string) => number
  newId: () => string
}

const addMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString()

/** The agents of the team with the fewest open follow-ups; the team default wins ties. */
export const pickOwner = (tenant: TenantPolicy, openLoad: (id: string) => number) => {
  const agents = tenant.owners.filter((o) => o.teamId === tenant.team.id && o.role === 'agent')
  const pool = agents.length > 0 ? agents : tenant.owners
  const byLoad = [...pool].sort(
    (a, b) =>
      openLoad(a.id) - openLoad(b.id) ||
      Number(b.id === tenant.team.defaultOwnerId) - Number(a.id === tenant.team.defaultOwnerId) ||
      a.id.localeCompare(b.id),
  )
  const owner = byLoad[0]
  if (!owner) throw new Error(`tenant ${tenant.id} has no owners`)
  return { owner, routedBy: agents.length > 0 ? `team:${tenant.team.id}:least-open` : 'tenant:any' }
}

export const promiseMessage = (opts: {
  customerName?: string
  ownerName: string
  tenant: TenantPolicy
  contactBy: string
}) => {
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: opts.tenant.timezone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(opts.contactBy))
  const greeting = opts.customerName ? `Thank you, ${opts.customerName}.` : 'Thank you.'
  const first = opts.ownerName.split(' ')[0]
  return `${greeting} We have your message. ${first} from ${opts.tenant.name} will contact you by ${when}.`
}

/**
 * One classified item in, the follow-up change out. A customer with an open follow-up gets the
 * item attached (one owner per customer problem); the promise only ever moves earlier.
 */
export const decideFollowup = (
  open: FollowupState | undefined,
  item: FeedbackClassified,
  ctx: DecideContext,
): Decision => {
  // A reclassified old item updates analytics only; its follow-up was decided long ago.
  if (item.reclassification) return { kind: 'skip', reason: 'reclassification' }
  if (!item.needsContact) return { kind: 'skip', reason: 'no_contact_needed' }
  const receivedAt = item.feedback.receivedAt
  const urgency = item.urgency.level
  const contactBy = addMinutes(receivedAt, ctx.tenant.slaMinutes[urgency])
  const common = { tenantId: item.tenantId, customerKey: item.customerKey, at: receivedAt }

  if (open && open.status !== 'resolved') {
    if (open.feedbackIds.includes(item.feedbackId))
      return { kind: 'skip', reason: 'already_handled' }
    const raised = moreUrgent(urgency, open.urgency)
    const earlier = contactBy < open.contactBy && !open.firstContactAt ? contactBy : undefined
    const state: FollowupState = {
      ...open,
      urgency: raised,
      contactBy: earlier ?? open.contactBy,
      feedbackIds: [...open.feedbackIds, item.feedbackId],
      updatedAt: receivedAt,
      version: open.version + 1,
    }
    const attached: FollowupEvent = {
      ...common,
      kind: 'feedback_attached',
      followupId: open.followupId,
      feedbackId: item.feedbackId,
      urgency: raised,
      ...(earlier ? { contactBy: earlier } : {}),
    }
    return { kind: 'changed', state, events: [attached] }
  }

  const { owner, routedBy } = pickOwner(ctx.tenant, ctx.openLoad)
  const followupId = ctx.newId()
  const state: FollowupState = {
    followupId,
    tenantId: item.tenantId,
    customerKey: item.customerKey,
    status: 'open',
    ownerId: owner.id,
    teamId: ctx.tenant.team.id,
    urgency,
    feedbackIds: [item.feedbackId],
    openedAt: receivedAt,
    contactBy,
    remindersSent: [],
    escalations: 0,
    updatedAt: receivedAt,
    version: 1,
  }
  const events: FollowupEvent[] = [
    {
      ...common,
      kind: 'opened',
      followupId,
      feedbackId: item.feedbackId,
      ownerId: owner.id,
      teamId: ctx.tenant.team.id,
      urgency,
      contactBy,
      routedBy,
    },
    {
      ...common,
      kind: 'customer_acknowledged',
      followupId,
      feedbackId: item.feedbackId,
      contactBy,
      ownerName: owner.name,
      message: promiseMessage({
        customerName: item.feedback.customer.name,
        ownerName: owner.name,
        tenant: ctx.tenant,
        contactBy,
      }),
    },
  ]
  return { kind: 'changed', state, events }
}
