import type { ClickHouseClient } from '@closeloop/shared/clickhouse'
import { AppError } from '@closeloop/shared/errors'
import {
  bearerAuth,
  httpMetrics,
  type Metrics,
  mountOps,
  problemHandler,
  type Readiness,
  requestId,
} from '@closeloop/shared/http'
import type { Logger } from '@closeloop/shared/logging'
import type { TenantRegistry } from '@closeloop/shared/tenants'
import { Hono } from 'hono'
import { type AnalyticsEnv, feedbackRoutes } from './routes/feedback.ts'

export type AnalyticsAppDeps = {
  client: ClickHouseClient
  tenants: TenantRegistry
  log: Logger
  metrics: Metrics
  ready: Readiness
}

export const createAnalyticsApp = (deps: AnalyticsAppDeps) => {
  const app = new Hono<AnalyticsEnv>()
  app.onError(problemHandler(deps.log))
  app.notFound(() => {
    throw new AppError('NOT_FOUND', 'No such resource')
  })
  app.use(requestId())
  app.use(httpMetrics(deps.metrics))
  mountOps(app, deps)
  app.use(
    '/v1/*',
    bearerAuth((key) => deps.tenants.analystByKey(key)),
  )
  app.route('/v1/feedback', feedbackRoutes(deps))
  return app
}
