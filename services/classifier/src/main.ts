import { loadConfig } from '@closeloop/shared/config'
import { runMain } from '@closeloop/shared/lifecycle'
import { createLogger } from '@closeloop/shared/logging'
import { ClassifierConfig } from './config.ts'
import { startClassifier } from './service.ts'

const config = loadConfig(ClassifierConfig, process.env)
const log = createLogger({ name: 'classifier', level: config.LOG_LEVEL })
await runMain('classifier', log, () => startClassifier(config, { log }), {
  deadlineMs: config.SHUTDOWN_DEADLINE_MS,
})
