import { loadConfig } from '@closeloop/shared/config'
import { runMain } from '@closeloop/shared/lifecycle'
import { createLogger } from '@closeloop/shared/logging'
import { AnalyticsConfig } from './config.ts'
import { startAnalytics } from './service.ts'

const config = loadConfig(AnalyticsConfig, process.env)
const log = createLogger({ name: 'analytics', level: config.LOG_LEVEL })
await runMain('analytics', log, () => startAnalytics(config, { log }), {
  deadlineMs: config.SHUTDOWN_DEADLINE_MS,
})
