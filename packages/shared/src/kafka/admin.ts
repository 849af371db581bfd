import type { Admin, Kafka } from 'kafkajs'
import type { Logger } from 'pino'
import { dlqName, type TopicSpec } from '../events/topics.ts'

const configEntries = (spec: TopicSpec) => [
  { name: 'cleanup.policy', value: spec.compacted ? 'compact' : 'delete' },
  { name: 'retention.ms', value: String(spec.retentionMs) },
]

// A topic another process just created may not have partition leaders yet.
const waitForLeaders = async (admin: Admin, names: string[], timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: names })
      if (topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
        return
    } catch (err) {
      if (Date.now() > deadline) throw err
    }
    if (Date.now() > deadline) throw new Error(`topics have no leaders after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Creates every declared topic (and its DLQ) that is missing; safe to call from many processes. */
export const ensureTopics = async (
  kafka: Kafka,
  specs: readonly TopicSpec[],
  opts: { prefix?: string; log: Logger },
): Promise<string[]> => {
  const prefix = opts.prefix ?? ''
  const admin = kafka.admin()
  await admin.connect()
  try {
    const wanted = specs.flatMap((spec) => {
      const name = prefix + spec.name
      const main = {
        topic: name,
        numPartitions: spec.partitions,
        configEntries: configEntries(spec),
      }
      if (!spec.dlq) return [main]
      // DLQs keep failures for a month, whatever the main topic keeps.
      const dlq = {
        topic: dlqName(name),
        numPartitions: 1,
        configEntries: [{ name: 'retention.ms', value: String(30 * 24 * 3600 * 1000) }],
      }
      return [main, dlq]
    })
    const existing = new Set(await admin.listTopics())
    const missing = wanted.filter((t) => !existing.has(t.topic))
    if (missing.length > 0) {
      // Another process may create the same topics at the same moment: that is fine.
      await admin.createTopics({ topics: missing, waitForLeaders: true }).catch((err: unknown) => {
        if (!String((err as Error).message).includes('already exists')) throw err
      })
      opts.log.info({ topics: missing.map((t) => t.topic) }, 'created topics')
    }
    await waitForLeaders(
      admin,
      wanted.map((t) => t.topic),
    )
    return missing.map((t) => t.topic)
  } finally {
    await admin.disconnect()
  }
}

/** Deletes topics by name prefix; for tests that made their own. */
export const deleteTopicsWithPrefix = async (kafka: Kafka, prefix: string): Promise<void> => {
  if (prefix === '') throw new Error('refusing to delete every topic')
  const admin = kafka.admin()
  await admin.connect()
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix))
    if (topics.length > 0) await admin.deleteTopics({ topics })
  } finally {
    await admin.disconnect()
  }
}
