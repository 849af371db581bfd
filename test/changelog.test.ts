import { randomUUID } from 'node:crypto'
import { type FeedbackReceived, topics } from '@closeloop/shared/events'
import {
  createKafka,
  createPublisher,
  deleteTopicsWithPrefix,
  ensureTopics,
  followTopic,
  type Kafka,
  replayTopic,
} from '@closeloop/shared/kafka'
import { afterAll, describe, expect, it } from 'vitest'
import { receivedItem } from './support/events.ts'
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

// State rebuilt from a changelog must not hang on a record it cannot take: kafkajs retries a
// failing batch from the group's offsets, which a private replay group never commits.
describe('a changelog record the state cannot take', () => {
  const prefix = `t-applyfail-${Date.now().toString(36)}.`
  const kafka = createKafka({ brokers, clientId: 'test-applyfail', log })
  // The skipped records are logged as errors, which this test expects.
  const quiet = log.child({}, { level: 'fatal' })
  afterAll(async () => {
    await deleteTopicsWithPrefix(kafka, prefix)
  })

  it('is skipped by a replay and a follower, which goes on and catches up on request', async () => {
    await ensureTopics(kafka, [topics.feedbackReceived], { prefix, log })
    const key = `demo/id:c-${randomUUID()}`
    const publisher = createPublisher(kafka, { prefix, log })
    const seen: string[] = []
    const apply = (event: { data: unknown }) => {
      const { text } = event.data as FeedbackReceived
      if (text === 'bad') throw new Error('cannot take this one')
      seen.push(text)
    }
    try {
      // One key, so one partition, in this order.
      await publisher.publish(['one', 'bad', 'two'].map((t) => receivedItem(key, t)))
      expect(await replayTopic(kafka, topics.feedbackReceived, { prefix, log: quiet, apply })).toBe(
        2,
      )
      expect(seen).toEqual(['one', 'two'])

      seen.length = 0
      const follower = await followTopic(kafka, topics.feedbackReceived, {
        prefix,
        log: quiet,
        apply,
      })
      try {
        expect(seen).toEqual(['one', 'two'])
        expect(follower.isRunning()).toBe(true)
        await publisher.publish(['bad', 'three'].map((t) => receivedItem(key, t)))
        // What a consumer taking over partitions waits for: all that is on the topic now.
        expect(await follower.catchUp(20_000)).toBe(true)
        expect(seen).toEqual(['one', 'two', 'three'])
        expect(follower.applied()).toBe(3)
      } finally {
        await follower.stop()
      }
      expect(follower.isRunning()).toBe(false)
      await publisher.publish([receivedItem(key, 'four')])
      expect(await follower.catchUp(1_000)).toBe(false)
    } finally {
      await publisher.stop()
    }
  }, 60_000)
})

// A service following its own output passes over what it wrote: its state has that already.
describe('a follower given an origin to skip', () => {
  const prefix = `t-origin-${Date.now().toString(36)}.`
  const kafka = createKafka({ brokers, clientId: 'test-origin', log })
  afterAll(async () => {
    await deleteTopicsWithPrefix(kafka, prefix)
  })

  it('applies what others wrote and passes over its own writes', async () => {
    await ensureTopics(kafka, [topics.feedbackReceived], { prefix, log })
    const key = `demo/id:c-${randomUUID()}`
    const mine = createPublisher(kafka, { prefix, log, origin: 'me' })
    const theirs = createPublisher(kafka, { prefix, log, origin: 'them' })
    const seen: string[] = []
    const apply = (event: { data: unknown }) => seen.push((event.data as FeedbackReceived).text)
    try {
      await mine.publish([receivedItem(key, 'mine before')])
      await theirs.publish([receivedItem(key, 'theirs before')])
      const follower = await followTopic(kafka, topics.feedbackReceived, {
        prefix,
        log,
        apply,
        skipOrigin: 'me',
      })
      try {
        await theirs.publish([receivedItem(key, 'theirs after')])
        await mine.publish([receivedItem(key, 'mine after')])
        expect(await follower.catchUp(20_000)).toBe(true)
        expect(seen).toEqual(['theirs before', 'theirs after'])
      } finally {
        await follower.stop()
      }
    } finally {
      await mine.stop()
      await theirs.stop()
    }
  }, 60_000)
})
