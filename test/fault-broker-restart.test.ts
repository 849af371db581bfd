import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { createClickHouse } from '@closeloop/shared/clickhouse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Pipeline, postFeedback, startPipeline } from './support/pipeline.ts'

const run = promisify(execFile)
const kafkaScript = resolve(import.meta.dirname, '../infra/kafka/kafka.sh')
const concurrency = 8
const postsBeforeRestart = 80
const postsAfterRestart = 40
// A bound on the loop whatever happens to the broker.
const maxPosts = 3000

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
      let sent = 0
      let stoppedAt = Number.POSITIVE_INFINITY
      let restartedAt = Number.POSITIVE_INFINITY
      let duringOutage = 0
      let afterRestart = 0
      let restart: Promise<void> | undefined
      // Posts keep coming before, during and after the outage, until enough follow it.
      const worker = async () => {
        while (afterRestart < postsAfterRestart && sent < maxPosts) {
          const i = sent++
          if (i === postsBeforeRestart) {
            restart = (async () => {
              await run(kafkaScript, ['stop'])
              stoppedAt = Date.now()
              await run(kafkaScript, ['start'])
              restartedAt = Date.now()
            })()
          }
          const startedAt = Date.now()
          if (startedAt > stoppedAt && startedAt < restartedAt) duringOutage += 1
          const res = await postFeedback(p, {
            text: `Order ${i} arrived late and cold, and nobody answered the phone.`,
            customer: { id: `fault-${i % 40}`, email: `f${i % 40}@example.com` },
            externalId: `fault-${randomUUID()}`,
          })
          if (startedAt > restartedAt) afterRestart += 1
          if (res.status === 202) accepted.push(res.body.id)
          else refused.push(res.status)
        }
      }
      await Promise.all(Array.from({ length: concurrency }, worker))
      await restart
      expect(duringOutage).toBeGreaterThan(0)
      expect(afterRestart).toBeGreaterThanOrEqual(postsAfterRestart)
      expect(refused.every((s) => s === 503)).toBe(true)

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
