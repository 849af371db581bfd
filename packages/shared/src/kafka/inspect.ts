import { randomUUID } from 'node:crypto'
import type { Kafka } from 'kafkajs'

export type RawRead = {
  partition: number
  offset: string
  key: string | null
  value: string | null
  headers: Record<string, string>
}

/**
 * Reads a topic from its start until `count` records arrived or `timeoutMs` passed, without
 * committing anything: for operators looking into a DLQ, and for tests.
 */
export const readTopic = async (
  kafka: Kafka,
  topic: string,
  opts: { count: number; timeoutMs: number },
): Promise<RawRead[]> => {
  const consumer = kafka.consumer({ groupId: `closeloop-inspect-${randomUUID()}` })
  const records: RawRead[] = []
  await consumer.connect()
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true })
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, opts.timeoutMs)
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const headers: Record<string, string> = {}
          for (const [k, v] of Object.entries(message.headers ?? {})) {
            if (v !== undefined) headers[k] = (Array.isArray(v) ? v[0] : v)?.toString() ?? ''
          }
          records.push({
            partition,
            offset: message.offset,
            key: message.key?.toString('utf8') ?? null,
            value: message.value?.toString('utf8') ?? null,
            headers,
          })
          if (records.length >= opts.count) {
            clearTimeout(timer)
            resolve()
          }
        },
      })
    })
  } finally {
    await consumer.disconnect()
  }
  return records
}
