import { randomUUID } from 'node:crypto'
import { createClickHouse } from '@closeloop/shared/clickhouse'
import { createKafka, createPublisher, readTopic } from '@closeloop/shared/kafka'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClassifier } from '../services/classifier/src/domain/classify.ts'
import { loadDefaultClassifier } from '../services/classifier/src/model-loader.ts'
import { ExportPage, reclassifyRange } from '../services/classifier/src/reclassify.ts'
import {
  brokers,
  getFeedback,
  log,
  type Pipeline,
  postFeedback,
  startPipeline,
} from './support/pipeline.ts'

type Item = {
  status: string
  classification: {
    sentiment: { label: string; reasons?: { code: string; detail?: string }[] }
    urgency: { level: string; reasons: unknown[] }
    topics: { name: string; keywords?: string[] }[]
  } | null
  followup: {
    id: string
    owner: { id: string; name: string }
    contactBy: string
    feedbackIds: string[]
  } | null
}

const waitForFollowup = (p: Pipeline, id: string) =>
  expect
    .poll(async () => (await getFeedback(p, id)).body as unknown as Item, {
      timeout: 30_000,
      interval: 250,
    })
    .toMatchObject({ followup: { feedbackIds: expect.arrayContaining([id]) } })

const waitForClassification = (p: Pipeline, id: string) =>
  expect
    .poll(async () => ((await getFeedback(p, id)).body as unknown as Item).classification, {
      timeout: 30_000,
      interval: 250,
    })
    .not.toBeNull()

describe('the pipeline, on a real broker and embedded ClickHouse', () => {
  let p: Pipeline
  beforeAll(async () => {
    p = await startPipeline('pipeline')
  })
  afterAll(async () => {
    await p?.stop()
  })

  it('classifies, assigns and stores a posted complaint, readable through analytics', async () => {
    const posted = await postFeedback(p, {
      text: 'My order came broken and nobody called back. I want a refund.',
      customer: { id: `c-${randomUUID()}`, name: 'Ana', email: 'ana@example.com' },
      channel: 'web',
    })
    expect(posted.status).toBe(202)
    await waitForFollowup(p, posted.body.id)
    await waitForClassification(p, posted.body.id)
    const { body } = await getFeedback(p, posted.body.id)
    const item = body as unknown as Item
    expect(item.classification?.sentiment.label).toBe('negative')
    // What the verdicts rested on is stored and shown: the model's words, the topics' keywords.
    const terms = item.classification?.sentiment.reasons?.filter((r) => r.code === 'TERM')
    expect(terms?.length).toBeGreaterThan(0)
    const billing = item.classification?.topics.find((t) => t.name === 'billing_refunds')
    expect(billing?.keywords).toEqual(['refund'])
    expect(['bob', 'carol']).toContain(item.followup?.owner.id)
    const received = Date.parse(String(body.receivedAt))
    expect(Date.parse(item.followup?.contactBy ?? '')).toBeGreaterThan(received)
  })

  it('gives a complaint in a language it does not read to a person, unscored', async () => {
    const posted = await postFeedback(p, {
      text: 'Mi pedido nunca llegó y nadie contesta el teléfono.',
      customer: { id: `c-${randomUUID()}` },
      channel: 'web',
    })
    expect(posted.status).toBe(202)
    // Analytics stores the follow-up and the classification from two topics, in either order.
    await waitForFollowup(p, posted.body.id)
    await waitForClassification(p, posted.body.id)
    const item = (await getFeedback(p, posted.body.id)).body as unknown as Item & {
      classification: { language: { code: string; supported: boolean }; needsHuman: boolean }
    }
    expect(item.classification?.language).toMatchObject({ code: 'es', supported: false })
    expect(item.classification?.needsHuman).toBe(true)
    expect(item.classification?.sentiment.reasons ?? []).toEqual([])
    expect(['bob', 'carol']).toContain(item.followup?.owner.id)
  })

  it('stores a post retried with the same Idempotency-Key once', async () => {
    const body = {
      text: 'The delivery was two hours late.',
      customer: { email: `${randomUUID()}@example.com` },
    }
    const key = randomUUID()
    const a = await postFeedback(p, body, { 'idempotency-key': key })
    const b = await postFeedback(p, body, { 'idempotency-key': key })
    expect(a.body.id).toBe(b.body.id)
    await expect
      .poll(async () => (await getFeedback(p, a.body.id)).status, { timeout: 30_000 })
      .toBe(200)
    // A second session on the same chDB folder sees what analytics stored.
    const ch = createClickHouse({ dataDir: p.dataDir })
    try {
      const count = async (table: string) => {
        const rs = await ch.client.query({
          query: `SELECT count() AS n FROM ${table} FINAL WHERE feedback_id = {id:UUID}`,
          query_params: { id: a.body.id },
          format: 'JSONEachRow',
        })
        return Number((await rs.json<{ n: string }>())[0]?.n)
      }
      await expect
        .poll(() => count('classifications'), { timeout: 30_000 })
        .toBeGreaterThanOrEqual(1)
      expect(await count('feedback')).toBe(1)
      expect(await count('classifications')).toBe(1)
    } finally {
      await ch.close()
    }
  })

  it('sends a message that cannot be read to the DLQ with its reason, and keeps going', async () => {
    const kafka = createKafka({ brokers, clientId: 'test-poison', log })
    const publisher = createPublisher(kafka, { log })
    const key = `demo/id:poison-${randomUUID()}`
    await publisher.publishRaw([
      {
        topic: `${p.prefix}feedback.received.v1`,
        message: { key, value: '{"this is": not json', headers: { ce_specversion: '1.0' } },
      },
    ])
    await publisher.stop()
    const [dead] = await readTopic(kafka, `${p.prefix}feedback.received.v1.dlq`, {
      count: 1,
      timeoutMs: 30_000,
    })
    expect(dead?.key).toBe(key)
    expect(dead?.value).toBe('{"this is": not json')
    expect(dead?.headers.dlq_reason).toContain('missing header ce_id')
    expect(dead?.headers.dlq_origin_topic).toBe(`${p.prefix}feedback.received.v1`)
    // The same partition still moves: a good item for the same customer key gets through.
    const after = await postFeedback(p, {
      text: 'Still waiting for my refund, nobody answers the phone.',
      customer: { id: key.slice('demo/id:'.length), email: 'poison@example.com' },
    })
    await waitForClassification(p, after.body.id)
  })

  it('rebuilds follow-up state after a restart and attaches the next complaint to the open one', async () => {
    const customer = { id: `c-${randomUUID()}`, email: 'sam@example.com', name: 'Sam' }
    const first = await postFeedback(p, {
      text: 'The courier was rude and left my parcel in the rain.',
      customer,
    })
    await waitForFollowup(p, first.body.id)
    const opened = (await getFeedback(p, first.body.id)).body as unknown as Item

    await p.restartFollowup()

    const second = await postFeedback(p, {
      text: 'Still no answer about the parcel. This is unacceptable.',
      customer,
    })
    await waitForFollowup(p, second.body.id)
    const attached = (await getFeedback(p, second.body.id)).body as unknown as Item
    expect(attached.followup?.id).toBe(opened.followup?.id)
    expect(attached.followup?.feedbackIds).toEqual([first.body.id, second.body.id])
  })

  it('remembers after a classifier restart that the customer already has an open problem', async () => {
    const customer = { id: `c-${randomUUID()}`, email: 'lee@example.com' }
    const first = await postFeedback(p, {
      text: 'My parcel arrived smashed and the courier was rude.',
      customer,
    })
    await waitForClassification(p, first.body.id)

    await p.restartClassifier()

    const second = await postFeedback(p, {
      text: 'Writing about my parcel once more.',
      customer,
    })
    await waitForClassification(p, second.body.id)
    const reasons = (codes: unknown[]) => codes.map((r) => (r as { code: string }).code)
    const firstItem = (await getFeedback(p, first.body.id)).body as unknown as Item
    const secondItem = (await getFeedback(p, second.body.id)).body as unknown as Item
    expect(reasons(firstItem.classification?.urgency.reasons ?? [])).not.toContain('REPEAT_CONTACT')
    expect(reasons(secondItem.classification?.urgency.reasons ?? [])).toContain('REPEAT_CONTACT')
  })

  it('reclassifies a stored time range with new rules without touching its follow-up', async () => {
    const from = new Date(Date.now() - 1000).toISOString()
    const customer = { id: `c-${randomUUID()}`, email: 'rita@example.com' }
    const a = await postFeedback(p, {
      text: 'My refund was never paid and support hung up on me.',
      customer,
    })
    const b = await postFeedback(p, { text: 'Second package also arrived damaged.', customer })
    await waitForFollowup(p, a.body.id)
    await waitForFollowup(p, b.body.id)
    const before = (await getFeedback(p, a.body.id)).body as unknown as Item
    const to = new Date(Date.now() + 1000).toISOString()

    // The export pages through the range one item at a time.
    const fetchPage = async (after?: string) => {
      const url = new URL(p.url('analytics', '/v1/feedback'))
      url.search = new URLSearchParams({
        from,
        to,
        limit: '1',
        ...(after ? { after } : {}),
      }).toString()
      const res = await fetch(url, { headers: { authorization: 'Bearer demo-analyst-key' } })
      return ExportPage.parse(await res.json())
    }
    const base = loadDefaultClassifier()
    const bumped = createClassifier({
      model: base.model,
      rules: { ...base.rules, version: 'rules-reclassify-test' },
    })
    const kafka = createKafka({ brokers, clientId: 'test-reclassify', log })
    const publisher = createPublisher(kafka, { prefix: p.prefix, log })
    const summary = await reclassifyRange({
      fetchPage,
      classifierFor: () => bumped,
      publisher,
      now: () => new Date(),
    })
    await publisher.stop()
    expect(summary.items).toBeGreaterThanOrEqual(2)
    expect(summary.published).toBe(summary.items)

    await expect
      .poll(
        async () =>
          ((await getFeedback(p, a.body.id)).body as { classification: { rulesVersion: string } })
            .classification.rulesVersion,
        {
          timeout: 30_000,
        },
      )
      .toBe('rules-reclassify-test')
    const after = (await getFeedback(p, a.body.id)).body as unknown as Item
    expect(after.followup).toEqual(before.followup)
  })
})
