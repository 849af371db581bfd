import { createClickHouse, migrate } from '@closeloop/shared/clickhouse'
import { topics } from '@closeloop/shared/events'
import { consumerMetrics, createMetrics, startHttpServer } from '@closeloop/shared/http'
import { createKafka, createPublisher, ensureTopics, runConsumer } from '@closeloop/shared/kafka'
import { stopInOrder } from '@closeloop/shared/lifecycle'
import type { Logger } from '@closeloop/shared/logging'
import { loadTenants } from '@closeloop/shared/tenants'
import { createAnalyticsApp } from './app.ts'
import type { AnalyticsConfig } from './config.ts'
import { createClickHouseSink } from './store/sink.ts'

export type AnalyticsService = { port: number; stop(): Promise<void> }

/** Sinks every topic into ClickHouse and serves reads. The only process that opens ClickHouse. */
export const startAnalytics = async (
  config: AnalyticsConfig,
  deps: { log: Logger },
): Promise<AnalyticsService> => {
  const { log } = deps
  const tenants = loadTenants(config.TENANTS_FILE)
  const ch = createClickHouse({ url: config.CLICKHOUSE_URL, dataDir: config.CLICKHOUSE_DATA_DIR })
  log.info({ mode: ch.mode }, 'clickhouse opened')
  await migrate(ch.client, config.CLICKHOUSE_MIGRATIONS_DIR, log)

  const prefix = config.KAFKA_TOPIC_PREFIX
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'closeloop-analytics', log })
  await ensureTopics(kafka, Object.values(topics), { prefix, log })
  // Only DLQ copies are published by the sink.
  const publisher = createPublisher(kafka, { prefix, log })
  const metrics = createMetrics()
  const consumer = await runConsumer({
    kafka,
    publisher,
    prefix,
    log,
    groupId: config.ANALYTICS_GROUP_ID,
    inputs: Object.values(topics),
    sink: createClickHouseSink(ch.client),
    metrics: consumerMetrics(metrics),
  })

  const app = createAnalyticsApp({
    client: ch.client,
    tenants,
    log,
    metrics,
    ready: () => consumer.isReady(),
  })
  const server = await startHttpServer(app, { host: config.HOST, port: config.ANALYTICS_PORT, log })
  return {
    port: server.port,
    stop: () =>
      stopInOrder(
        [
          ['consumer', consumer.stop],
          ['http', server.stop],
          ['publisher', publisher.stop],
          ['clickhouse', ch.close],
        ],
        log,
      ),
  }
}
