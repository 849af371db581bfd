import { AppError } from '@closeloop/shared/errors'
import { createServiceApp, type Metrics, type Readiness } from '@closeloop/shared/http'
import type { Logger } from '@closeloop/shared/logging'
import type { OwnerPrincipal, TenantRegistry } from '@closeloop/shared/tenants'
import type { FollowupStore } from './store/followup-store.ts'

export type FollowupAppDeps = {
  store: FollowupStore
  tenants: TenantRegistry
  log: Logger
  metrics: Metrics
  ready: Readiness
}

/** A lead sees their team's follow-ups; an agent sees their own. */
const visibleOwners = ({ tenant, owner }: OwnerPrincipal): string[] =>
  owner.role === 'lead'
    ? tenant.owners.filter((o) => o.teamId === owner.teamId).map((o) => o.id)
    : [owner.id]

export const createFollowupApp = (deps: FollowupAppDeps) => {
  const app = createServiceApp({
    ...deps,
    authenticate: (token) => deps.tenants.ownerByToken(token),
  })

  app.get('/v1/followups', (c) => {
    const principal = c.get('principal')
    const status = c.req.query('status')
    const items = deps.store
      .list({ tenantId: principal.tenant.id, ownerIds: visibleOwners(principal) })
      .filter((f) => !status || f.status === status)
    return c.json({ items, count: items.length })
  })

  app.get('/v1/followups/:id', (c) => {
    const principal = c.get('principal')
    const found = deps.store.get(c.req.param('id'))
    if (
      !found ||
      found.tenantId !== principal.tenant.id ||
      !visibleOwners(principal).includes(found.ownerId)
    ) {
      throw new AppError('NOT_FOUND', 'No follow-up with that id is visible to you')
    }
    return c.json(found)
  })

  return app
}
