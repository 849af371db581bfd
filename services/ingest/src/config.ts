import { envFragments } from '@closeloop/shared/config'
import { z } from 'zod'

export const IngestConfig = z.object({
  ...envFragments.log,
  ...envFragments.http,
  ...envFragments.kafka,
  ...envFragments.tenants,
  ...envFragments.shutdown,
  // HTTP port of the intake API; default 8080.
  INGEST_PORT: envFragments.port(8080),
  // Milliseconds a post may wait for Kafka's acknowledgement before answering 503; default 5000.
  INGEST_PUBLISH_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
})
export type IngestConfig = z.infer<typeof IngestConfig>
