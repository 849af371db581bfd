import { randomUUID } from 'node:crypto'
import type { Admin, Consumer, Kafka } from 'kafkajs'
import type { Logger } from 'pino'
import type { ZodType } from 'zod'
import type { TopicSpec } from '../events/topics.ts'
import { type CloudEvent, decodeEvent, headerString } from './codec.ts'
import { ORIGIN_HEADER } from './publisher.ts'

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

/** What a waiting consumer lends catchUp: its heartbeat, and whether it is still running. */
export type CatchUpWait = { heartbeat(): Promise<void>; isRunning(): boolean }

type ChangelogOptions = {
  prefix?: string
  log: Logger
  apply: (event: CloudEvent, key: string) => void
  // What a record must match to be applied; the topic's schema unless given. A reader that
  // needs a few fields checks those only: validating whole events is most of a follower's cost.
  schema?: ZodType
  // Records that a publisher with this origin wrote are passed over undecoded: this process
  // wrote them, so its state has them already.
  skipOrigin?: string
  // Called if a follower stops for good after catching up (an error kafkajs does not retry):
  // the state it feeds goes stale from then on.
  onStopped?: (err: unknown) => void
}

/**
 * A changelog still being read after catching up; stop() leaves the group. isRunning() is false
 * once the reader has stopped for good (an error kafkajs does not retry): the state it feeds
 * then goes stale, which readiness should report.
 */
export type TopicFollower = {
  applied(): number
  isRunning(): boolean
  /**
   * Resolves once everything on the topic when called has been read (true), or false after
   * `timeoutMs` or once `wait.isRunning()` turns false: for a consumer taking over partitions
   * whose previous owner just wrote here. `wait.heartbeat` is called while it waits.
   */
  catchUp(timeoutMs: number, wait?: CatchUpWait): Promise<boolean>
  stop(): Promise<void>
}

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

// What a one-shot replay returns: nothing goes on running.
const done = (applied: number): TopicFollower => ({
  applied: () => applied,
  isRunning: () => false,
  catchUp: async () => true,
  stop: async () => {},
})

// How often catchUp looks at what the follower has read, and heartbeats for a waiting consumer.
const CATCH_UP_POLL_MS = 25
const HEARTBEAT_MS = 1_000

const readChangelog = async (
  kafka: Kafka,
  spec: TopicSpec,
  opts: ChangelogOptions,
  follow: boolean,
): Promise<TopicFollower> => {
  const name = (opts.prefix ?? '') + spec.name
  const schema = opts.schema ?? spec.schema
  const skipOrigin = opts.skipOrigin
  const admin = kafka.admin()
  await admin.connect()
  const ends = new Map<number, bigint>()
  let watch: ReturnType<typeof setInterval> | undefined
  let applied = 0
  let running = follow
  // Per partition, the offset after the last record read.
  const read = new Map<number, bigint>()
  let consumer: Consumer | undefined
  try {
    for (const p of await retrying(() => admin.fetchTopicOffsets(name))) {
      if (BigInt(p.high) > BigInt(p.low)) ends.set(p.partition, BigInt(p.high))
    }
    if (ends.size === 0 && !follow) return done(0)

    const groupId = `closeloop-replay-${randomUUID()}`
    // A follower's records come a few at a time while the service writes them: asking for a
    // few tens of kilobytes a fetch, or what a quarter second brings, saves most of the fetch
    // overhead at no cost to catching up (catchUp waits that long at most).
    const reader = kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      ...(follow ? { minBytes: 64 * 1024, maxWaitTimeInMs: 250 } : {}),
    })
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
      // An empty topic is caught up at once; a follower reads from its start all the same.
      if (ends.size === 0) {
        caughtUp = true
        resolve()
      }
      reader.on(reader.events.CRASH, (e) => {
        // Until caught up the caller is waiting: any crash fails the start-up.
        if (!caughtUp) reject(e.payload.error)
        else if (e.payload.restart)
          opts.log.warn({ err: e.payload.error, topic: name }, 'changelog follower restarting')
        else {
          running = false
          opts.log.error({ err: e.payload.error, topic: name }, 'changelog follower stopped')
          opts.onStopped?.(e.payload.error)
        }
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
          // Nothing is committed: the group is this process's alone, and committed offsets
          // would keep it on the broker for a week after. A restart after a crash reads the
          // topic again from its start, which applying by id or version makes harmless.
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            for (const m of batch.messages) {
              if (skipOrigin !== undefined && headerString(m.headers, ORIGIN_HEADER) === skipOrigin)
                continue
              const decoded = decodeEvent(m)
              const valid = decoded.ok && schema.safeParse(decoded.event.data).success
              if (!(decoded.ok && valid)) {
                opts.log.warn({ topic: name, offset: m.offset }, 'skipped invalid changelog record')
                continue
              }
              // A record the state cannot take is skipped, not retried: retrying would read the
              // same record, and everything behind it, for ever.
              try {
                opts.apply(decoded.event, m.key?.toString('utf8') ?? '')
                applied += 1
              } catch (err) {
                opts.log.error(
                  { err, topic: name, offset: m.offset },
                  'skipped changelog record that could not be applied',
                )
              }
            }
            const next = BigInt(batch.lastOffset()) + 1n
            if (next > (read.get(batch.partition) ?? 0n)) read.set(batch.partition, next)
            const end = ends.get(batch.partition)
            if (end !== undefined && next >= end) reached(batch.partition)
          },
        })
        .catch(reject)
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
    return done(applied)
  }
  // Records below the low watermark are gone (retention): there is nothing there to wait for.
  const caughtUpTo = (offsets: { partition: number; low: string; high: string }[]) =>
    offsets.every((p) => {
      const low = BigInt(p.low)
      const at = read.get(p.partition) ?? low
      return BigInt(p.high) <= (at > low ? at : low)
    })
  return {
    applied: () => applied,
    isRunning: () => running,
    async catchUp(timeoutMs, wait) {
      const deadline = Date.now() + timeoutMs
      // The look-up too is bounded by the deadline: kafkajs retries it for longer.
      const lookUp = kafka.admin({ retry: { retries: 2 } })
      let timer: ReturnType<typeof setTimeout> | undefined
      const late = new Promise<null>((r) => {
        timer = setTimeout(() => r(null), timeoutMs)
      })
      const lookingUp = lookUp.connect().then(() => lookUp.fetchTopicOffsets(name))
      // Past the deadline its failure has no one to tell.
      lookingUp.catch(() => {})
      let offsets: { partition: number; low: string; high: string }[] | null
      try {
        offsets = await Promise.race([lookingUp, late])
      } finally {
        clearTimeout(timer)
        await lookUp.disconnect()
      }
      let beat = Date.now()
      while (offsets !== null && !caughtUpTo(offsets)) {
        if (!running || Date.now() >= deadline || wait?.isRunning() === false) return false
        if (wait !== undefined && Date.now() - beat >= HEARTBEAT_MS) {
          await wait.heartbeat()
          beat = Date.now()
        }
        await new Promise((r) => setTimeout(r, CATCH_UP_POLL_MS))
      }
      return offsets !== null
    },
    stop: async () => {
      running = false
      await reader.disconnect()
    },
  }
}

// Long enough for a follower's usual lag; the waiting consumer heartbeats meanwhile.
const CATCH_UP_MS = 10_000

/**
 * For a consumer's onAssigned: waits for the follower to read what is on its topic now. Never
 * throws: if it cannot, handling goes on (logged), as it did before there was a follower.
 */
export const catchUpFollower = async (
  follower: TopicFollower,
  log: Logger,
  wait?: CatchUpWait,
): Promise<void> => {
  try {
    if (!(await follower.catchUp(CATCH_UP_MS, wait)))
      log.warn({ timeoutMs: CATCH_UP_MS }, 'changelog follower still behind after an assignment')
  } catch (err) {
    log.warn({ err }, 'could not check the changelog follower after an assignment')
  }
}
