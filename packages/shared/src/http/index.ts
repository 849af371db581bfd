export { consumerMetrics } from './consumer-metrics.ts'
export { createMetrics, type Metrics } from './metrics.ts'
export { bearerAuth, requestId } from './middleware.ts'
export { type Problem, problemHandler, problemResponse, zodFieldIssues } from './problem.ts'
export {
  type HttpServer,
  httpMetrics,
  mountOps,
  type Readiness,
  startHttpServer,
} from './server.ts'
export { createServiceApp, type ServiceAppDeps } from './service-app.ts'
