import { topics } from '@closeloop/shared/events'
import {
  createKafka,
  deleteTopicsWithPrefix,
  ensureTopics,
  type Kafka,
  replayTopic,
} from '@closeloop/shared/kafka'
import { afterAll, describe, expect, it } from 'vitest'
import { brokers, log } from './support/pipeline.ts'

describe('replaying a topic that retention empties meanwhile', () => {
  const prefix = `t-replay-${Date.now().toString(36)}.`
  const kafka = createKafka({ brokers, clientId: 'test-replay', log })
  afterAll(async () => {
    await deleteTopicsWithPrefix(kafka, prefix)
  })

  it('finishes instead of waiting forever for records that are gone', async () => {
    await ensureTopics(kafka, [topics.feedbackClassified], { prefix, log })
    const name = `${prefix}${topics.feedbackClassified.name}`
    const producer = kafka.producer()
    await producer.connect()
    await producer.send({ topic: name, messages: [{ partition: 0, key: 'k', value: 'x' }] })
    await producer.disconnect()

    // Deletes the record right after the replay has looked up the end it will wait for: what
    // retention does when it removes a partition's last segment at that moment.
    const racing: Kafka = Object.create(kafka)
    racing.admin = () => {
      const admin = kafka.admin()
      let first = true
      const lookUp = admin.fetchTopicOffsets.bind(admin)
      admin.fetchTopicOffsets = async (topic) => {
        const offsets = await lookUp(topic)
        if (first) {
          first = false
          await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '-1' }] })
        }
        return offsets
      }
      return admin
    }
    const applied = await replayTopic(racing, topics.feedbackClassified, {
      prefix,
      log,
      apply() {},
    })
    expect(applied).toBe(0)
  }, 30_000)
})
