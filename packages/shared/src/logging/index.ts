import { type Logger, pino } from 'pino'

export type { Logger }

// Personal data never reaches the logs: free text, names and contact details are censored.
const redactPaths = [
  'text',
  '*.text',
  'customer.name',
  'customer.email',
  'customer.phone',
  '*.customer.name',
  '*.customer.email',
  '*.customer.phone',
  'req.headers.authorization',
  'headers.authorization',
]

export const createLogger = (opts: { name: string; level?: string }): Logger =>
  pino({
    name: opts.name,
    level: opts.level ?? 'info',
    redact: { paths: redactPaths, censor: '[redacted]' },
    base: { service: opts.name },
    timestamp: pino.stdTimeFunctions.isoTime,
  })
