import { loadConfig } from '@closeloop/shared/config'
import { runMain } from '@closeloop/shared/lifecycle'
import { createLogger } from '@closeloop/shared/logging'
import { FollowupConfig } from './config.ts'
import { startFollowup } from './service.ts'

const config = loadConfig(FollowupConfig, process.env)
const log = createLogger({ name: 'followup', level: config.LOG_LEVEL })
await runMain('followup', log, () => startFollowup(config, { log }), {
  deadlineMs: config.SHUTDOWN_DEADLINE_MS,
})
