import { randomUUID } from 'node:crypto'
import { type FeedbackReceived, topics } from '@closeloop/shared/events'
import {
  createKafka,
  createPublisher,
  deleteTopicsWithPrefix,
  ensureTopics,
  readTopic,
  runConsumer,
} from '@closeloop/shared/kafka'
import { afterAll, describe, expect, it } from 'vitest'
import { receivedItem } from './support/events.ts'
import { brokers, log } from './support/pipeline.ts'

// A handler whose output breaks its topic's schema (a bug, or input the handler did not expect)
// must cost that one message, not the partition: the batch's publish would otherwise fail on
// every retry and nothing behind it would ever move.
describe('a handler output that does not match its schema', () => {
  const prefix = `t-badout-${Date.now().toString(36)}.`
  const kafka = createKafka({ brokers, clientId: 'test-badout', log })
  afterAll(async () => {
    await deleteTopicsWithPrefix(kafka, prefix)
  })

  it('sends that input to the DLQ with the field that is wrong, and publishes the rest', async () => {
    await ensureTopics(kafka, Object.values(topics), { prefix, log })
    const key = `demo/id:c-${randomUUID()}`
    const item = (text: string) => receivedItem(key, text)
    const publisher = createPublisher(kafka, { prefix, log })
    // Same key, so one partition, in this order: the bad one first.
    await publisher.publish([item('bad'), item('good')])

    // Passes each item on to the classified topic under the received schema; "bad" loses its text.
    const out = { ...topics.feedbackClassified, schema: topics.feedbackReceived.schema }
    // What a stateful handler is told, so it can drop what it staged for the dead-lettered one.
    const started: string[] = []
    const failed: string[] = []
    const consumer = await runConsumer({
      kafka,
      publisher,
      prefix,
      log,
      groupId: `${prefix}g`,
      inputs: [topics.feedbackReceived],
      onMessageStart: (m) => started.push(m.offset),
      onMessageFailed: (m) => failed.push(m.offset),
      handle: (m) => {
        const data = m.event.data as FeedbackReceived
        const broken = data.text === 'bad' ? { ...data, text: 42 } : data
        return [{ topic: out, key: m.key, event: { ...m.event, data: broken } }]
      },
    })
    try {
      const [dead] = await readTopic(kafka, `${prefix}${topics.feedbackReceived.name}.dlq`, {
        count: 1,
        timeoutMs: 30_000,
      })
      expect(dead?.key).toBe(key)
      expect(dead?.headers.dlq_reason).toContain(`output for ${out.name}: text:`)
      const passed = await readTopic(kafka, `${prefix}${out.name}`, { count: 2, timeoutMs: 5_000 })
      expect(passed.map((r) => JSON.parse(r.value ?? '{}').text)).toEqual(['good'])
      // Fresh topic, one partition for the key: the bad item is offset 0, the good one 1.
      expect(dead?.headers.dlq_origin_offset).toBe('0')
      expect(started).toEqual(['0', '1'])
      expect(failed).toEqual(['0'])
    } finally {
      await consumer.stop()
      await publisher.stop()
    }
  }, 60_000)
})
