import { randomUUID } from 'node:crypto'
import { type FeedbackClassified, type FollowupState, topics } from '@closeloop/shared/events'
import {
  createKafka,
  createPublisher,
  deleteTopicsWithPrefix,
  ensureTopics,
  readTopic,
} from '@closeloop/shared/kafka'
import { afterAll, describe, expect, it } from 'vitest'
import { startClassifier } from '../services/classifier/src/service.ts'
import { startFollowup } from '../services/followup/src/service.ts'
import { receivedItem } from './support/events.ts'
import { baseEnv, brokers, log } from './support/pipeline.ts'

// Classifier and followup keep per-customer state in memory, rebuilt from a changelog at start.
// When one of two instances in a group stops, its partitions move to the other, which must then
// know what the stopped one saw of those customers, not only what the topic held at its start.
// Customers spread over the six partitions, so both instances get some of them.
const CUSTOMERS = 12
const FIRST = 'My order arrived broken and nobody answers.'
const SECOND = 'Still no answer about my broken order.'

type Service = { stop(): Promise<void> }

describe('two instances of a stateful service in one consumer group', () => {
  const run = Date.now().toString(36)
  const kafka = createKafka({ brokers, clientId: 'test-handover', log })
  afterAll(async () => {
    await deleteTopicsWithPrefix(kafka, `t-handover-${run}-`)
  })

  // Each test has topics of its own.
  const topicsFor = async (name: string) => {
    const prefix = `t-handover-${run}-${name}.`
    await ensureTopics(kafka, Object.values(topics), { prefix, log })
    const read = async <T>(topic: { name: string }, count: number, timeoutMs = 60_000) =>
      (await readTopic(kafka, `${prefix}${topic.name}`, { count, timeoutMs })).map(
        (r) => JSON.parse(r.value ?? '{}') as T,
      )
    return { prefix, env: baseEnv(prefix), read }
  }

  // Starts two instances, sends every customer's first complaint and waits for `settled`; stops
  // the first instance, sends the second complaints and returns once `done` says so.
  const handOver = async (
    prefix: string,
    start: () => Promise<Service>,
    settled: () => Promise<unknown>,
    done: () => Promise<unknown>,
  ) => {
    const first = await start()
    const running = new Set([first, await start()])
    const publisher = createPublisher(kafka, { prefix, log })
    try {
      const customers = Array.from({ length: CUSTOMERS }, () => `demo/id:c-${randomUUID()}`)
      await publisher.publish(customers.map((c) => receivedItem(c, FIRST)))
      await settled()
      running.delete(first)
      await first.stop()
      await publisher.publish(customers.map((c) => receivedItem(c, SECOND)))
      await done()
    } finally {
      for (const s of running) await s.stop()
      await publisher.stop()
    }
  }

  it("classifier: a customer's earlier complaint counts after their partition moves", async () => {
    const { prefix, env, read } = await topicsFor('classifier')
    const config = { ...env, CLASSIFIER_PORT: 0, CLASSIFIER_GROUP_ID: `${prefix}classifier` }
    await handOver(
      prefix,
      () => startClassifier(config, { log }),
      () => read(topics.feedbackClassified, CUSTOMERS),
      () => read(topics.feedbackClassified, 2 * CUSTOMERS),
    )
    const all = await read<FeedbackClassified>(topics.feedbackClassified, 2 * CUSTOMERS)
    const repeats = all.filter((e) => e.feedback.text === SECOND)
    expect(repeats).toHaveLength(CUSTOMERS)
    for (const e of repeats) {
      expect(
        e.urgency.reasons.map((r) => r.code),
        `${e.customerKey} was not seen as a repeat contact`,
      ).toContain('REPEAT_CONTACT')
    }
  }, 120_000)

  it("followup: a customer's open follow-up is kept after their partition moves", async () => {
    const { prefix, env, read } = await topicsFor('followup')
    // One classifier throughout; the followup instances are the ones handing over.
    const classifier = await startClassifier(
      { ...env, CLASSIFIER_PORT: 0, CLASSIFIER_GROUP_ID: `${prefix}classifier` },
      { log },
    )
    const config = { ...env, FOLLOWUP_PORT: 0, FOLLOWUP_GROUP_ID: `${prefix}followup` }
    // Opened: one state per customer; attached: a second, newer state of the same follow-up.
    // Redelivery may write a state twice (same id, same version): the changelog's readers keep
    // the newest version, so only distinct versions count.
    const states = (count = 3 * CUSTOMERS) =>
      read<FollowupState>(topics.followupState, count, 3_000)
    const versions = (all: FollowupState[]) =>
      new Set(all.map((s) => `${s.followupId} ${s.version}`)).size
    try {
      await handOver(
        prefix,
        () => startFollowup(config, { log }),
        () => read(topics.followupState, CUSTOMERS),
        () =>
          expect
            .poll(async () => versions(await states(2 * CUSTOMERS)), {
              timeout: 60_000,
              interval: 500,
            })
            .toBeGreaterThanOrEqual(2 * CUSTOMERS),
      )
    } finally {
      await classifier.stop()
    }
    const all = await states()
    expect(versions(all)).toBe(2 * CUSTOMERS)
    const latest = new Map<string, FollowupState>()
    for (const s of all) {
      const known = latest.get(s.customerKey)
      if (known === undefined || s.version > known.version) latest.set(s.customerKey, s)
    }
    expect(latest.size).toBe(CUSTOMERS)
    const followupIds = new Set(all.map((s) => s.followupId))
    expect(followupIds.size, 'a second complaint opened a second follow-up').toBe(CUSTOMERS)
    for (const s of latest.values()) expect(s.feedbackIds).toHaveLength(2)
  }, 120_000)
})
