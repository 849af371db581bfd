import { envFragments } from '@closeloop/shared/config'
import { z } from 'zod'

export const ClassifierConfig = z.object({
  ...envFragments.log,
  ...envFragments.http,
  ...envFragments.kafka,
  ...envFragments.tenants,
  ...envFragments.shutdown,
  // HTTP port for /healthz, /readyz and /metrics; default 8083.
  CLASSIFIER_PORT: envFragments.port(8083),
  // Kafka consumer group; instances in one group share the partitions. Default closeloop-classifier.
  CLASSIFIER_GROUP_ID: z.string().default('closeloop-classifier'),
})
export type ClassifierConfig = z.infer<typeof ClassifierConfig>
