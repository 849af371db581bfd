import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Env, Hono, MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import type { Metrics } from './metrics.ts'

export type Readiness = () => boolean | Promise<boolean>

/** /healthz (process alive), /readyz (dependencies usable), /metrics (Prometheus text). */
export const mountOps = <E extends Env>(
  app: Hono<E>,
  deps: { ready: Readiness; metrics: Metrics },
) => {
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', async (c) => {
    const ready = await deps.ready()
    return c.json({ status: ready ? 'ready' : 'not ready' }, ready ? 200 : 503)
  })
  app.get('/metrics', (c) =>
    c.body(deps.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' }),
  )
}

/** Counts requests and their latency by route pattern (not raw path, to bound cardinality). */
export const httpMetrics = (metrics: Metrics): MiddlewareHandler => {
  const requests = metrics.counter('http_requests_total', 'HTTP requests by route and status')
  const latency = metrics.histogram('http_request_seconds', 'HTTP request latency in seconds')
  return async (c, next) => {
    const started = performance.now()
    await next()
    const route = c.req.routePath
    requests({ method: c.req.method, route, status: String(c.res.status) })
    latency({ route }, (performance.now() - started) / 1000)
  }
}

export type HttpServer = { port: number; stop(): Promise<void> }

export const startHttpServer = <E extends Env>(
  app: Hono<E>,
  opts: { host: string; port: number; log: Logger },
) =>
  new Promise<HttpServer>((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: opts.host, port: opts.port },
      (info: AddressInfo) => {
        opts.log.info({ url: `http://${opts.host}:${info.port}` }, 'listening')
        resolve({
          port: info.port,
          stop: () =>
            new Promise<void>((done, fail) => {
              server.close((err) => (err ? fail(err) : done()))
              // Idle keep-alive sockets would hold close() open until they time out.
              if ('closeIdleConnections' in server) server.closeIdleConnections()
            }),
        })
      },
    )
    server.once('error', reject)
  })
