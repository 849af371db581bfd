import { loadConfig } from '@closeloop/shared/config'
import { runMain } from '@closeloop/shared/lifecycle'
import { createLogger } from '@closeloop/shared/logging'
import { IngestConfig } from './config.ts'
import { startIngest } from './service.ts'

const config = loadConfig(IngestConfig, process.env)
const log = createLogger({ name: 'ingest', level: config.LOG_LEVEL })
await runMain('ingest', log, () => startIngest(config, { log }), {
  deadlineMs: config.SHUTDOWN_DEADLINE_MS,
})
