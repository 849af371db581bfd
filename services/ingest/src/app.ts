import { AppError } from '@closeloop/shared/errors'
import { createServiceApp, type Metrics, type Readiness } from '@closeloop/shared/http'
import type { Logger } from '@closeloop/shared/logging'
import type { TenantRegistry } from '@closeloop/shared/tenants'
import { bodyLimit } from 'hono/body-limit'
import { type FeedbackRouteDeps, feedbackRoutes } from './routes/feedback.ts'

export type IngestAppDeps = FeedbackRouteDeps & {
  tenants: TenantRegistry
  log: Logger
  metrics: Metrics
  ready: Readiness
}

// Bodies larger than this are refused before they are read (bytes).
const maxBodyBytes = 1024 * 1024

export const createIngestApp = (deps: IngestAppDeps) => {
  const app = createServiceApp({ ...deps, authenticate: (key) => deps.tenants.sourceByKey(key) })
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', `Bodies are limited to ${maxBodyBytes} bytes`)
      },
    }),
  )
  app.route('/v1/feedback', feedbackRoutes(deps))
  return app
}
