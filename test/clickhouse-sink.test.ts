import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type ClickHouse, createClickHouse, migrate } from '@closeloop/shared/clickhouse'
import { type FeedbackReceived, topics } from '@closeloop/shared/events'
import type { Inbound } from '@closeloop/shared/kafka'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClickHouseSink } from '../services/analytics/src/store/sink.ts'
import { log } from './support/pipeline.ts'

const migrations = resolve(import.meta.dirname, '../infra/clickhouse/migrations')

const feedback = (i: number): FeedbackReceived => ({
  feedbackId: randomUUID(),
  tenantId: 'sinktest',
  sourceId: 'web-form',
  customerKey: `sinktest/id:c-${i}`,
  channel: 'web',
  text: `item ${i}`,
  customer: { id: `c-${i}` },
  contactRequested: false,
  occurredAt: '2026-03-02T10:00:00.000Z',
  receivedAt: '2026-03-02T10:00:00.000Z',
  metadata: {},
})

const inbound = (f: FeedbackReceived, offset: number): Inbound => ({
  topic: topics.feedbackReceived,
  partition: 0,
  offset: String(offset),
  key: f.customerKey,
  event: {
    id: f.feedbackId,
    type: 'closeloop.feedback.received.v1',
    source: 't',
    time: f.receivedAt,
    tenant: 'sinktest',
    data: f,
  },
})

describe('the ClickHouse sink on embedded chDB', () => {
  let dir: string
  let ch: ClickHouse
  const count = async (final: boolean) => {
    const rs = await ch.client.query({
      query: `SELECT count() AS n FROM feedback ${final ? 'FINAL' : ''} WHERE tenant_id = 'sinktest'`,
      format: 'JSONEachRow',
    })
    return Number((await rs.json<{ n: string }>())[0]?.n)
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'closeloop-sink-'))
    ch = createClickHouse({ dataDir: dir })
    await migrate(ch.client, migrations, log)
  })
  afterAll(async () => {
    await ch?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('applies each migration once and records it', async () => {
    expect(await migrate(ch.client, migrations, log)).toEqual([])
    const rs = await ch.client.query({
      query: 'SELECT name FROM schema_migrations',
      format: 'JSONEachRow',
    })
    expect((await rs.json<{ name: string }>()).map((r) => r.name)).toContain(
      '0001_event_tables.sql',
    )
  })

  it('drops a retried batch with the same offset range, even without FINAL', async () => {
    const sink = createClickHouseSink(ch.client)
    const batch = [feedback(1), feedback(2), feedback(3)].map((f, i) => inbound(f, 100 + i))
    const range = { topic: 'feedback.received.v1', partition: 0, first: '100', last: '102' }
    await sink(batch, range)
    await sink(batch, range)
    expect(await count(false)).toBe(3)
  })

  it('collapses a redelivery that arrives in a different batch when read with FINAL', async () => {
    const sink = createClickHouseSink(ch.client)
    const f = feedback(4)
    await sink([inbound(f, 200)], {
      topic: 'feedback.received.v1',
      partition: 0,
      first: '200',
      last: '200',
    })
    // After a crash the same record comes back inside a longer run of offsets.
    const g = feedback(5)
    await sink([inbound(f, 200), inbound(g, 201)], {
      topic: 'feedback.received.v1',
      partition: 0,
      first: '200',
      last: '201',
    })
    expect(await count(true)).toBe(5)
  })
})
