import { randomUUID } from 'node:crypto'
import type { Admin, Consumer, Kafka } from 'kafkajs'
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

type ChangelogOptions = {
  prefix?: string
  log: Logger
  apply: (event: CloudEvent, key: string) => void
}

/** A changelog still being read after catching up; stop() leaves the group. */
export type TopicFollower = { applied(): number; stop(): Promise<void> }

/**
 * Reads a topic from its start to the end it had when called: how a state store is rebuilt
 * from its changelog, or a service's memory from its own output. Invalid records are logged and
 * skipped. Returns the count applied.
 */
export const replayTopic = async (
  kafka: Kafka,
  spec: TopicSpec,
  opts: ChangelogOptions,
): Promise<number> => {
  const reader = await readChangelog(kafka, spec, opts, false)
  return reader.applied()
}

/**
 * Like replayTopic, but goes on applying what is written after the end: for state that other
 * instances keep adding to, which this one needs when their partitions move to it. Resolves
 * once caught up to the end the topic had when called.
 */
export const followTopic = (
  kafka: Kafka,
  spec: TopicSpec,
  opts: ChangelogOptions,
): Promise<TopicFollower> => readChangelog(kafka, spec, opts, true)

const readChangelog = async (
  kafka: Kafka,
  spec: TopicSpec,
  opts: ChangelogOptions,
  follow: boolean,
): Promise<TopicFollower> => {
  const name = (opts.prefix ?? '') + spec.name
  const admin = kafka.admin()
  await admin.connect()
  const ends = new Map<number, bigint>()
  let watch: ReturnType<typeof setInterval> | undefined
  let applied = 0
  let consumer: Consumer | undefined
  try {
    for (const p of await retrying(() => admin.fetchTopicOffsets(name))) {
      if (BigInt(p.high) > BigInt(p.low)) ends.set(p.partition, BigInt(p.high))
    }
    if (ends.size === 0 && !follow) return { applied: () => 0, stop: async () => {} }

    const groupId = `closeloop-replay-${randomUUID()}`
    const reader = kafka.consumer({ groupId, allowAutoTopicCreation: false })
    consumer = reader
    await reader.connect()
    await reader.subscribe({ topics: [name], fromBeginning: true })
    await new Promise<void>((resolve, reject) => {
      let caughtUp = false
      const reached = (partition: number) => {
        ends.delete(partition)
        if (ends.size === 0 && !caughtUp) {
          caughtUp = true
          resolve()
        }
      }
      // Once caught up there is no one to reject: a follower's failure is logged.
      const fail = (err: unknown) => {
        if (caughtUp) opts.log.error({ err, topic: name }, 'changelog follower stopped')
        else reject(err)
      }
      // An empty topic is caught up at once; a follower reads from its start all the same.
      if (ends.size === 0) {
        caughtUp = true
        resolve()
      }
      reader.on(reader.events.CRASH, (e) => {
        if (!e.payload.restart) fail(e.payload.error)
      })
      // Retention can delete a partition's last records between the offset look-up and the
      // fetch; no batch would then ever arrive for it, so the replay would wait forever.
      watch = setInterval(() => {
        if (ends.size === 0) return
        emptiedPartitions(admin, name, ends).then(
          (gone) => {
            for (const p of gone) reached(p)
          },
          (err: unknown) => opts.log.warn({ err, topic: name }, 'replay watch failed'),
        )
      }, WATCH_MS)
      reader
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
                opts.log.warn({ topic: name, offset: m.offset }, 'skipped invalid changelog record')
            }
            const end = ends.get(batch.partition)
            if (end !== undefined && BigInt(batch.lastOffset()) + 1n >= end)
              reached(batch.partition)
          },
        })
        .catch(fail)
    })
  } catch (err) {
    await consumer?.disconnect()
    throw err
  } finally {
    if (watch !== undefined) clearInterval(watch)
    await admin.disconnect()
  }
  opts.log.info({ topic: name, records: applied }, 'replayed changelog')
  const reader = consumer
  if (!follow) {
    await reader.disconnect()
    return { applied: () => applied, stop: async () => {} }
  }
  return { applied: () => applied, stop: () => reader.disconnect() }
}
