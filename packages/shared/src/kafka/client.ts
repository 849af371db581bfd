import { Kafka, type LogEntry, logLevel } from 'kafkajs'
import type { Logger } from 'pino'

export type { Kafka }

const levelName = (level: logLevel): 'error' | 'warn' | 'info' | 'debug' => {
  switch (level) {
    case logLevel.ERROR:
    case logLevel.NOTHING:
      return 'error'
    case logLevel.WARN:
      return 'warn'
    case logLevel.INFO:
      return 'info'
    default:
      return 'debug'
  }
}

// kafkajs logs every retried request as an error; at info it would flood logs during a rebalance.
const bridge = (log: Logger) => () => (entry: LogEntry) => {
  const { message, ...rest } = entry.log
  const level = levelName(entry.level)
  // Refused connections during a broker restart are expected and retried: a warning, briefly.
  const transient =
    level === 'error' &&
    (/coordinator|leader|rebalanc/i.test(String(rest.error)) ||
      /ECONNREFUSED/.test(String(rest.stack)))
  log[transient ? 'warn' : level](
    { kafka: { namespace: entry.namespace, error: rest.error } },
    message,
  )
}

export type KafkaOptions = {
  brokers: string[]
  clientId: string
  log: Logger
}

export const createKafka = (opts: KafkaOptions): Kafka =>
  new Kafka({
    clientId: opts.clientId,
    brokers: opts.brokers,
    logLevel: logLevel.WARN,
    logCreator: bridge(opts.log.child({ component: 'kafkajs' })),
    connectionTimeout: 3000,
    requestTimeout: 10_000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
  })
