import { randomUUID } from 'node:crypto'
import { type FeedbackClassified, topics } from '@closeloop/shared/events'
import {
  createKafka,
  createPublisher,
  deleteTopicsWithPrefix,
  ensureTopics,
  readTopic,
} from '@closeloop/shared/kafka'
import { afterAll, describe, expect, it } from 'vitest'
import { startClassifier } from '../services/classifier/src/service.ts'
import { receivedItem } from './support/events.ts'
import { baseEnv, brokers, log } from './support/pipeline.ts'

// Repeat contacts are counted from per-customer history that each classifier instance keeps in
// memory. When one instance stops, its partitions move to the others, which must then know
// what that instance saw of those customers, not only what was on the topic when they started.
describe('classifier instances sharing a consumer group', () => {
  const prefix = `t-handover-${Date.now().toString(36)}.`
  const kafka = createKafka({ brokers, clientId: 'test-handover', log })
  afterAll(async () => {
    await deleteTopicsWithPrefix(kafka, prefix)
  })

  it("know a customer's earlier complaint after that customer's partition moves", async () => {
    await ensureTopics(kafka, Object.values(topics), { prefix, log })
    const config = {
      ...baseEnv(prefix),
      CLASSIFIER_PORT: 0,
      CLASSIFIER_GROUP_ID: `${prefix}classifier`,
    }
    const first = await startClassifier(config, { log })
    const second = await startClassifier(config, { log })
    const publisher = createPublisher(kafka, { prefix, log })
    const classified = `${prefix}${topics.feedbackClassified.name}`
    const read = async (count: number) =>
      (await readTopic(kafka, classified, { count, timeoutMs: 60_000 })).map(
        (r) => JSON.parse(r.value ?? '{}') as FeedbackClassified,
      )
    const running = new Set([first, second])
    const stop = async (c: typeof first) => {
      running.delete(c)
      await c.stop()
    }
    try {
      // Customers spread over the six partitions, so both instances get some of them.
      const customers = Array.from({ length: 12 }, () => `demo/id:c-${randomUUID()}`)
      await publisher.publish(
        customers.map((c) => receivedItem(c, 'My order arrived broken and nobody answers.')),
      )
      expect(await read(12)).toHaveLength(12)

      await stop(first)
      await publisher.publish(
        customers.map((c) => receivedItem(c, 'Still no answer about my broken order.')),
      )
      const all = await read(24)
      expect(all).toHaveLength(24)
      const repeats = all.filter((e) => e.feedback.text.startsWith('Still'))
      expect(repeats).toHaveLength(12)
      for (const e of repeats) {
        expect(
          e.urgency.reasons.map((r) => r.code),
          `${e.customerKey} was not seen as a repeat contact`,
        ).toContain('REPEAT_CONTACT')
      }
    } finally {
      for (const c of running) await stop(c)
      await publisher.stop()
    }
  }, 120_000)
})
