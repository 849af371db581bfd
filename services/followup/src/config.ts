import { envFragments } from '@closeloop/shared/config'
import { z } from 'zod'

export const FollowupConfig = z.object({
  ...envFragments.log,
  ...envFragments.http,
  ...envFragments.kafka,
  ...envFragments.tenants,
  ...envFragments.shutdown,
  // HTTP port of the owner API and inbox; default 8081.
  FOLLOWUP_PORT: envFragments.port(8081),
  // Kafka consumer group of the follow-up workers; default closeloop-followup.
  FOLLOWUP_GROUP_ID: z.string().default('closeloop-followup'),
})
export type FollowupConfig = z.infer<typeof FollowupConfig>
