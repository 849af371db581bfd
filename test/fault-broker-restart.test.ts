import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { createClickHouse } from '@closeloop/shared/clickhouse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Pipeline, postFeedback, startPipeline } from './support/pipeline.ts'

const run = promisify(execFile)
const kafkaScript = resolve(import.meta.dirname, '../infra/kafka/kafka.sh')
const total = 240
const concurrency = 8

// Only the local broker can be restarted by the test.
describe.skipIf(Boolean(process.env.KAFKA_BROKERS))(
  'a broker restart in the middle of intake',
  () => {
    let p: Pipeline
    beforeAll(async () => {
      p = await startPipeline('fault')
    })
    afterAll(async () => {
      await p?.stop()
    })

    it('stores every acknowledged item exactly once and loses none', async () => {
      const accepted: string[] = []
      const refused: number[] = []
      let next = 0
      let restart: Promise<unknown> | undefined
      let restartedAt = Number.POSITIVE_INFINITY
      let lastPostAt = 0
      const worker = async () => {
        while (next < total) {
          const i = next++
          // A third of the way in, stop the broker and start it again while posts keep coming.
          if (i === Math.floor(total / 3)) {
            restart = run(kafkaScript, ['stop'])
              .then(() => run(kafkaScript, ['start']))
              .then(() => {
                restartedAt = Date.now()
              })
          }
          const res = await postFeedback(p, {
            text: `Order ${i} arrived late and cold, and nobody answered the phone.`,
            customer: { id: `fault-${i % 40}`, email: `f${i % 40}@example.com` },
            externalId: `fault-${randomUUID()}`,
          })
          lastPostAt = Date.now()
          if (res.status === 202) accepted.push(res.body.id)
          else refused.push(res.status)
        }
      }
      await Promise.all(Array.from({ length: concurrency }, worker))
      await restart
      expect(refused.every((s) => s === 503)).toBe(true)
      expect(accepted.length).toBeGreaterThan(total / 3)

      const ch = createClickHouse({ dataDir: p.dataDir })
      try {
        const stored = async (table: string) => {
          const rs = await ch.client.query({
            query: `SELECT count() AS n, uniqExact(feedback_id) AS u FROM ${table} FINAL
                  WHERE tenant_id = 'demo' AND has({ids:Array(UUID)}, feedback_id)`,
            query_params: { ids: accepted },
            format: 'JSONEachRow',
          })
          const row = (await rs.json<{ n: string; u: string }>())[0]
          return { rows: Number(row?.n), distinct: Number(row?.u) }
        }
        const all = { rows: accepted.length, distinct: accepted.length }
        await expect.poll(() => stored('feedback'), { timeout: 90_000, interval: 500 }).toEqual(all)
        await expect
          .poll(() => stored('classifications'), { timeout: 90_000, interval: 500 })
          .toEqual(all)
      } finally {
        await ch.close()
      }
    })
  },
)
