import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'

const kafkaScript = resolve(import.meta.dirname, '../infra/kafka/kafka.sh')
let startedHere = false

/** The real broker must be up: use KAFKA_BROKERS, or start the local one (and stop it after). */
export const setup = () => {
  if (process.env.KAFKA_BROKERS) return
  try {
    execFileSync(kafkaScript, ['status'], { stdio: 'ignore' })
  } catch {
    execFileSync(kafkaScript, ['start'], { stdio: 'inherit' })
    startedHere = true
  }
}

export const teardown = () => {
  if (startedHere) execFileSync(kafkaScript, ['stop'], { stdio: 'inherit' })
}
