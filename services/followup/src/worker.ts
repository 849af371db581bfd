import { AppError } from '@closeloop/shared/errors'
import {
  type FeedbackClassified,
  type FollowupEvent,
  type FollowupState,
  followupCeType,
  topics,
} from '@closeloop/shared/events'
import { uuidv5 } from '@closeloop/shared/ids'
import type { Inbound, Outbound } from '@closeloop/shared/kafka'
import type { Tenant, TenantRegistry } from '@closeloop/shared/tenants'
import { decideFollowup, type TenantPolicy } from './domain/open-followup.ts'
import type { FollowupStore } from './store/followup-store.ts'

export const policyOf = (tenant: Tenant): TenantPolicy => {
  const team = tenant.teams.find((t) => t.id === tenant.defaultTeamId) ?? tenant.teams[0]
  if (!team) throw new AppError('INVALID_CONFIG', `tenant ${tenant.id} has no team`)
  return {
    id: tenant.id,
    name: tenant.name,
    timezone: tenant.timezone,
    slaMinutes: tenant.slaMinutes,
    owners: tenant.owners,
    team,
  }
}

const source = '/closeloop/followup'

export const followupEventOut = (event: FollowupEvent, seq: number): Outbound => ({
  topic: topics.followupEvents,
  key: event.customerKey,
  event: {
    // Deterministic: handling the same input again yields the same event ids.
    id: uuidv5(`${event.followupId}\n${event.kind}\n${seq}`),
    type: followupCeType(event.kind),
    source,
    time: event.at,
    tenant: event.tenantId,
    subject: event.followupId,
    data: event,
  },
})

export const stateOut = (state: FollowupState): Outbound => ({
  topic: topics.followupState,
  key: state.customerKey,
  event: {
    id: uuidv5(`${state.followupId}\nstate\n${state.version}`),
    type: topics.followupState.ceType,
    source,
    time: state.updatedAt,
    tenant: state.tenantId,
    subject: state.followupId,
    data: state,
  },
})

/** Classified feedback in; follow-up events and the new state (the changelog) out. */
export const createFollowupHandler =
  (deps: { store: FollowupStore; tenants: TenantRegistry }) =>
  (message: Inbound): Outbound[] => {
    const item = message.event.data as FeedbackClassified
    const tenant = deps.tenants.get(item.tenantId)
    if (!tenant) throw new AppError('NOT_FOUND', `unknown tenant ${item.tenantId}`)
    const decision = decideFollowup(deps.store.openFor(item.customerKey), item, {
      tenant: policyOf(tenant),
      openLoad: (ownerId) => deps.store.openLoad(item.tenantId, ownerId),
      // The follow-up is named after the item that opened it, so a redelivery names it the same.
      newId: () => uuidv5(`followup\n${item.feedbackId}`),
    })
    if (decision.kind === 'skip') return []
    deps.store.stage(decision.state)
    return [
      ...decision.events.map((e, i) => followupEventOut(e, decision.state.version * 10 + i)),
      stateOut(decision.state),
    ]
  }
