import { topics } from '@closeloop/shared/events'
import { createMetrics, startHttpServer } from '@closeloop/shared/http'
import { createKafka, createPublisher, ensureTopics, type Publisher } from '@closeloop/shared/kafka'
import { stopInOrder } from '@closeloop/shared/lifecycle'
import type { Logger } from '@closeloop/shared/logging'
import { loadTenants } from '@closeloop/shared/tenants'
import { createIngestApp } from './app.ts'
import type { IngestConfig } from './config.ts'

export type Ingest = { port: number; stop(): Promise<void> }

/** Composition root: Kafka publisher + HTTP intake. Tests call it with their own config. */
export const startIngest = async (
  config: IngestConfig,
  deps: { log: Logger; publisher?: Publisher },
): Promise<Ingest> => {
  const { log } = deps
  const tenants = loadTenants(config.TENANTS_FILE)
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'closeloop-ingest', log })
  const publisher =
    deps.publisher ??
    createPublisher(kafka, {
      prefix: config.KAFKA_TOPIC_PREFIX,
      log,
      timeoutMs: config.INGEST_PUBLISH_TIMEOUT_MS,
    })
  if (!deps.publisher) {
    await ensureTopics(kafka, Object.values(topics), { prefix: config.KAFKA_TOPIC_PREFIX, log })
    // Not fatal: posts answer 503 until Kafka is reachable, and readiness says so.
    await publisher.connect().catch((err: unknown) => log.warn({ err }, 'Kafka not reachable yet'))
  }
  const metrics = createMetrics()
  const app = createIngestApp({
    publisher,
    tenants,
    log,
    metrics,
    now: () => new Date(),
    ready: () => publisher.isConnected(),
  })
  const server = await startHttpServer(app, { host: config.HOST, port: config.INGEST_PORT, log })
  return {
    port: server.port,
    stop: () =>
      stopInOrder(
        [
          ['http', server.stop],
          ['publisher', publisher.stop],
        ],
        log,
      ),
  }
}
