import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { type ClickHouseClient, createClient } from '@clickhouse/client'
import { createChdbConnection } from 'chdb/connection'

export type { ClickHouseClient }

type ClientConnection = NonNullable<Parameters<typeof createClient>[0]>['connection']

export type ClickHouseOptions = {
  // ClickHouse server over HTTP; unset = the embedded chDB engine.
  url?: string
  // Data folder for embedded chDB (one per process).
  dataDir: string
}

export type ClickHouse = {
  client: ClickHouseClient
  mode: 'server' | 'embedded'
  close(): Promise<void>
}

/** The one place a ClickHouse client is made; both modes speak through @clickhouse/client. */
export const createClickHouse = (opts: ClickHouseOptions): ClickHouse => {
  if (opts.url) {
    const client = createClient({
      url: opts.url,
      clickhouse_settings: { date_time_input_format: 'best_effort' },
    })
    return { client, mode: 'server', close: () => client.close() }
  }
  const path = resolve(opts.dataDir)
  mkdirSync(path, { recursive: true })
  const client = createClient({
    // chdb types its Connection against @clickhouse/client-common, a separate copy of the same
    // interface that @clickhouse/client bundles; the shapes agree at runtime (tested in test/).
    connection: createChdbConnection({ path }) as unknown as ClientConnection,
    clickhouse_settings: { date_time_input_format: 'best_effort' },
  })
  return { client, mode: 'embedded', close: () => client.close() }
}
