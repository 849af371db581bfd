import { type Env, Hono } from 'hono'
import type { Logger } from 'pino'
import { AppError } from '../errors.ts'
import type { Metrics } from './metrics.ts'
import { bearerAuth, requestId } from './middleware.ts'
import { problemHandler } from './problem.ts'
import { httpMetrics, mountOps, type Readiness } from './server.ts'

export type ServiceAppDeps<P> = {
  log: Logger
  metrics: Metrics
  ready: Readiness
  // Resolves a bearer token to the caller; guards every /v1 route.
  authenticate: (token: string) => P | undefined
}

/**
 * The frame every HTTP service shares: problem+json errors, request ids, metrics, /healthz,
 * /readyz and /metrics, and bearer auth in front of /v1. Services add their routes to it.
 */
export const createServiceApp = <P>(deps: ServiceAppDeps<P>) => {
  const app = new Hono<Env & { Variables: { requestId: string; principal: P } }>()
  app.onError(problemHandler(deps.log))
  app.notFound(() => {
    throw new AppError('NOT_FOUND', 'No such resource')
  })
  app.use(requestId())
  app.use(httpMetrics(deps.metrics))
  mountOps(app, deps)
  app.use('/v1/*', bearerAuth(deps.authenticate))
  return app
}
