import { envFragments } from '@closeloop/shared/config'
import { z } from 'zod'

export const AnalyticsConfig = z.object({
  ...envFragments.log,
  ...envFragments.http,
  ...envFragments.kafka,
  ...envFragments.clickhouse,
  ...envFragments.tenants,
  ...envFragments.shutdown,
  // HTTP port of the trend API and dashboard; default 8082.
  ANALYTICS_PORT: envFragments.port(8082),
  // Kafka consumer group of the ClickHouse sink; default closeloop-analytics.
  ANALYTICS_GROUP_ID: z.string().default('closeloop-analytics'),
  // Folder of numbered SQL migrations; default infra/clickhouse/migrations.
  CLICKHOUSE_MIGRATIONS_DIR: z.string().default('infra/clickhouse/migrations'),
})
export type AnalyticsConfig = z.infer<typeof AnalyticsConfig>
