import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ClickHouseClient } from '@clickhouse/client'
import type { Logger } from 'pino'
import { AppError } from '../errors.ts'

const migrationFile = /^(\d{4})_[a-z0-9_]+\.sql$/

export type Migration = { version: number; name: string; statements: string[] }

// Statements are separated by a line holding only `;` or by `;` at a line end; no procedural SQL.
const splitStatements = (sql: string): string[] =>
  sql
    .split(/;\s*(?:\n|$)/)
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s.length > 0)

export const readMigrations = async (dir: string): Promise<Migration[]> => {
  const names = (await readdir(dir)).filter((n) => migrationFile.test(n)).sort()
  const migrations: Migration[] = []
  for (const name of names) {
    const version = Number(migrationFile.exec(name)?.[1])
    if (migrations.some((m) => m.version === version)) {
      throw new AppError('INVALID_CONFIG', `two migrations share version ${version}`)
    }
    migrations.push({
      version,
      name,
      statements: splitStatements(await readFile(join(dir, name), 'utf8')),
    })
  }
  return migrations
}

/**
 * Applies numbered migrations in order, once each, recording them in `schema_migrations`.
 * Returns the names applied by this call (empty when the schema was current).
 */
export const migrate = async (
  client: ClickHouseClient,
  dir: string,
  log: Logger,
): Promise<string[]> => {
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS schema_migrations (
      version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
    ) ENGINE = MergeTree ORDER BY version`,
  })
  const rs = await client.query({
    query: 'SELECT version FROM schema_migrations',
    format: 'JSONEachRow',
  })
  const done = new Set((await rs.json<{ version: number }>()).map((r) => Number(r.version)))
  const applied: string[] = []
  for (const m of await readMigrations(dir)) {
    if (done.has(m.version)) continue
    for (const statement of m.statements) await client.command({ query: statement })
    await client.insert({
      table: 'schema_migrations',
      values: [{ version: m.version, name: m.name }],
      format: 'JSONEachRow',
    })
    log.info({ migration: m.name }, 'applied migration')
    applied.push(m.name)
  }
  return applied
}
