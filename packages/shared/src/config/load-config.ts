import { z } from 'zod'
import { AppError } from '../errors.ts'

/** Parses the environment once, in main.ts; every problem is listed with its variable name. */
export const loadConfig = <S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
): z.infer<S> => {
  const parsed = schema.safeParse(env)
  if (parsed.success) return parsed.data
  const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)
  throw new AppError('INVALID_CONFIG', `invalid configuration:\n  ${lines.join('\n  ')}`)
}

// Empty strings count as unset, the way shells and .env files usually mean them.
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional())

const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback)

/** Shared environment fragments; each service's schema spreads the ones it needs. */
export const envFragments = {
  log: {
    // pino level: trace|debug|info|warn|error|fatal|silent; default info.
    LOG_LEVEL: z
      .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
      .default('info'),
  },
  http: {
    // Interface to listen on; default 127.0.0.1 (0.0.0.0 in containers).
    HOST: z.string().default('127.0.0.1'),
  },
  port,
  kafka: {
    // Comma-separated host:port list; default the local broker from infra/kafka.
    KAFKA_BROKERS: z
      .string()
      .default('127.0.0.1:9092')
      .transform((s) =>
        s
          .split(',')
          .map((b) => b.trim())
          .filter(Boolean),
      ),
    // Prefix for every topic name, so tests and tenants of a shared cluster do not collide; default none.
    KAFKA_TOPIC_PREFIX: z.string().default(''),
  },
  clickhouse: {
    // ClickHouse server HTTP URL, e.g. http://user:pass@host:8123/db; unset = embedded chDB.
    CLICKHOUSE_URL: optionalString,
    // Data folder of embedded chDB; default .data/clickhouse in the working directory.
    CLICKHOUSE_DATA_DIR: z.string().default('.data/clickhouse'),
  },
  tenants: {
    // JSON file with tenants, their keys (SHA-256 hashes), owners and rules; default the demo tenant.
    TENANTS_FILE: z.string().default('infra/demo/tenants.json'),
  },
  shutdown: {
    // Milliseconds an ordered shutdown may take before the process exits anyway; default 10000.
    SHUTDOWN_DEADLINE_MS: z.coerce.number().int().positive().default(10_000),
  },
} as const
