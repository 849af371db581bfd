import { randomUUID } from 'node:crypto'
import type { Admin, Kafka } from 'kafkajs'
import type { Logger } from 'pino'
import type { TopicSpec } from '../events/topics.ts'
import { type CloudEvent, decodeEvent } from './codec.ts'

// Leadership can still be moving right after topics are created or the broker restarts.
const retrying = async <T>(f: () => Promise<T>, attempts = 20): Promise<T> => {
  for (let i = 1; ; i++) {
    try {
      return await f()
    } catch (err) {
      if (i >= attempts) throw err
      await new Promise((r) => setTimeout(r, 250 * Math.min(i, 8)))
    }
  }
}

// How often a replay checks whether retention emptied a partition it still waits for.
const WATCH_MS = 2000

/** Partitions whose records up to `end` were all deleted since the replay began. */
const emptiedPartitions = async (admin: Admin, name: string, ends: Map<number, bigint>) => {
  const offsets = await admin.fetchTopicOffsets(name)
  return offsets.flatMap((p) => {
    const end = ends.get(p.partition)
    return end !== undefined && BigInt(p.low) >= end ? [p.partition] : []
  })
}

/**
 * Reads a topic from its start to the end it had when called: how a state store is rebuilt
 * from its changelog, or a service's memory from its own output. Invalid records are logged and
 * skipped. Returns the count applied.
 */
export const replayTopic = async (
  kafka: Kafka,
  spec: TopicSpec,
  opts: { prefix?: string; log: Logger; apply: (event: CloudEvent, key: string) => void },
): Promise<number> => {
  const name = (opts.prefix ?? '') + spec.name
  const admin = kafka.admin()
  await admin.connect()
  const ends = new Map<number, bigint>()
  let watch: ReturnType<typeof setInterval> | undefined
  let applied = 0
  try {
    for (const p of await retrying(() => admin.fetchTopicOffsets(name))) {
      if (BigInt(p.high) > BigInt(p.low)) ends.set(p.partition, BigInt(p.high))
    }
    if (ends.size === 0) return 0

    const groupId = `closeloop-replay-${randomUUID()}`
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false })
    await consumer.connect()
    try {
      await consumer.subscribe({ topics: [name], fromBeginning: true })
      await new Promise<void>((resolve, reject) => {
        const reached = (partition: number) => {
          ends.delete(partition)
          if (ends.size === 0) resolve()
        }
        consumer.on(consumer.events.CRASH, (e) => reject(e.payload.error))
        // Retention can delete a partition's last records between the offset look-up and the
        // fetch; no batch would then ever arrive for it, so the replay would wait forever.
        watch = setInterval(() => {
          emptiedPartitions(admin, name, ends).then(
            (gone) => {
              for (const p of gone) reached(p)
            },
            (err: unknown) => opts.log.warn({ err, topic: name }, 'replay watch failed'),
          )
        }, WATCH_MS)
        consumer
          .run({
            autoCommit: false,
            eachBatch: async ({ batch }) => {
              for (const m of batch.messages) {
                const decoded = decodeEvent(m)
                const valid = decoded.ok && spec.schema.safeParse(decoded.event.data).success
                if (decoded.ok && valid) {
                  opts.apply(decoded.event, m.key?.toString('utf8') ?? '')
                  applied += 1
                } else
                  opts.log.warn(
                    { topic: name, offset: m.offset },
                    'skipped invalid changelog record',
                  )
              }
              const end = ends.get(batch.partition)
              if (end !== undefined && BigInt(batch.lastOffset()) + 1n >= end)
                reached(batch.partition)
            },
          })
          .catch(reject)
      })
    } finally {
      await consumer.disconnect()
    }
  } finally {
    if (watch !== undefined) clearInterval(watch)
    await admin.disconnect()
  }
  opts.log.info({ topic: name, records: applied }, 'replayed changelog')
  return applied
}
