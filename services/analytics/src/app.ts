import type { ClickHouseClient } from '@closeloop/shared/clickhouse'
import { createServiceApp, type Metrics, type Readiness } from '@closeloop/shared/http'
import type { Logger } from '@closeloop/shared/logging'
import type { TenantRegistry } from '@closeloop/shared/tenants'
import { feedbackRoutes } from './routes/feedback.ts'

export type AnalyticsAppDeps = {
  client: ClickHouseClient
  tenants: TenantRegistry
  log: Logger
  metrics: Metrics
  ready: Readiness
}

export const createAnalyticsApp = (deps: AnalyticsAppDeps) => {
  const app = createServiceApp({ ...deps, authenticate: (key) => deps.tenants.analystByKey(key) })
  app.route('/v1/feedback', feedbackRoutes(deps))
  return app
}
