import { createMetrics } from '@closeloop/shared/http'
import { createLogger } from '@closeloop/shared/logging'
import { createTenantRegistry, sha256Hex, type Tenant } from '@closeloop/shared/tenants'
import { createFakeClock, createMemoryPublisher } from '@closeloop/shared/testing'
import { beforeEach, describe, expect, it } from 'vitest'
import { createIngestApp } from './app.ts'

const tenant: Tenant = {
  id: 'acme',
  name: 'Acme',
  timezone: 'UTC',
  sources: [{ id: 'web-form', keySha256: sha256Hex('src-key'), channel: 'web' }],
  analystKeys: [],
  owners: [
    {
      id: 'bob',
      name: 'Bob',
      email: 'bob@acme.test',
      tokenSha256: sha256Hex('t'),
      role: 'agent',
      teamId: 'care',
    },
  ],
  teams: [{ id: 'care', name: 'Care', leadId: 'bob', defaultOwnerId: 'bob' }],
  defaultTeamId: 'care',
  slaMinutes: { critical: 60, high: 240, normal: 1440, low: 4320 },
}

const setup = () => {
  const publisher = createMemoryPublisher()
  const clock = createFakeClock('2026-03-02T10:00:00.000Z')
  const app = createIngestApp({
    publisher,
    now: clock.now,
    tenants: createTenantRegistry([tenant]),
    log: createLogger({ name: 'test', level: 'silent' }),
    metrics: createMetrics(),
    ready: () => true,
  })
  return { app, publisher }
}

const auth = { authorization: 'Bearer src-key' }
const post = (
  app: ReturnType<typeof setup>['app'],
  body: unknown,
  headers: Record<string, string> = {},
) =>
  app.request('/v1/feedback', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth, ...headers },
    body: JSON.stringify(body),
  })

describe('POST /v1/feedback', () => {
  let s: ReturnType<typeof setup>
  beforeEach(() => {
    s = setup()
  })

  it('answers 202 with the id and publishes one event keyed by the customer', async () => {
    const res = await post(s.app, {
      text: 'My order came broken and nobody called back.',
      customer: { id: 'c-42', name: 'Ana', email: 'ana@example.com', phone: '+15551234567' },
      channel: 'web',
    })
    expect(res.status).toBe(202)
    const body = (await res.json()) as { id: string; status: string }
    expect(body.status).toBe('accepted')
    expect(s.publisher.published).toHaveLength(1)
    const [out] = s.publisher.published
    expect(out?.key).toBe('acme/id:c-42')
    expect(out?.event.id).toBe(body.id)
    expect(out?.event.type).toBe('closeloop.feedback.received.v1')
    expect(out?.event.data).toMatchObject({
      tenantId: 'acme',
      sourceId: 'web-form',
      contactRequested: false,
    })
    expect(res.headers.get('location')).toBe(`/v1/feedback/${body.id}`)
  })

  it('gives a retried post with the same Idempotency-Key the same id', async () => {
    const body = { text: 'Cold food again', customer: { email: 'x@example.com' } }
    const a = (await (await post(s.app, body, { 'idempotency-key': 'k1' })).json()) as {
      id: string
    }
    const b = (await (await post(s.app, body, { 'idempotency-key': 'k1' })).json()) as {
      id: string
    }
    const c = (await (await post(s.app, body, { 'idempotency-key': 'k2' })).json()) as {
      id: string
    }
    expect(a.id).toBe(b.id)
    expect(c.id).not.toBe(a.id)
  })

  it('answers 401 problem+json without a known key and stores nothing', async () => {
    const res = await post(s.app, { text: 'hi' }, { authorization: 'Bearer wrong' })
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(s.publisher.published).toHaveLength(0)
  })

  it('names each wrong field in a 422 problem', async () => {
    const res = await post(s.app, { text: '', customer: { email: 'not-an-email' }, rating: 9 })
    expect(res.status).toBe(422)
    const problem = (await res.json()) as { code: string; errors: { path: string }[] }
    expect(problem.code).toBe('VALIDATION_FAILED')
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['customer.email', 'rating', 'text'])
    expect(s.publisher.published).toHaveLength(0)
  })

  it('refuses a contact request without a way to reach the customer', async () => {
    const res = await post(s.app, {
      text: 'Call me please',
      contactRequested: true,
      customer: { name: 'Ana' },
    })
    expect(res.status).toBe(422)
    const problem = (await res.json()) as { errors: { path: string }[] }
    expect(problem.errors[0]?.path).toBe('customer')
  })

  it('accepts a plain HTML form post and answers with a page', async () => {
    const form = new URLSearchParams({
      text: 'The waiter was rude',
      email: 'ana@example.com',
      contactRequested: 'on',
      'metadata.table': '12',
      submit: 'Send',
    })
    const res = await s.app.request('/v1/feedback', {
      method: 'POST',
      headers: {
        ...auth,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
      },
      body: form.toString(),
    })
    expect(res.status).toBe(202)
    expect(await res.text()).toContain('Thank you')
    expect(s.publisher.published[0]?.event.data).toMatchObject({
      customer: { email: 'ana@example.com' },
      contactRequested: true,
      metadata: { table: '12', submit: 'Send' },
    })
  })

  it('accepts multipart form data', async () => {
    const form = new FormData()
    form.set('text', 'Refund never arrived')
    form.set('customer.phone', '+351912345678')
    form.set('rating', '1')
    const res = await s.app.request('/v1/feedback', { method: 'POST', headers: auth, body: form })
    expect(res.status).toBe(202)
    expect(s.publisher.published[0]?.event.data).toMatchObject({ rating: { value: 1, max: 5 } })
  })

  it('answers 503 with Retry-After when Kafka does not acknowledge', async () => {
    s.publisher.failing = true
    const res = await post(s.app, { text: 'Anyone there?' })
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    expect(s.publisher.published).toHaveLength(0)
  })

  it('answers 400 for a body that is not JSON and 415 for other types', async () => {
    const bad = await s.app.request('/v1/feedback', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"text": ',
    })
    expect(bad.status).toBe(400)
    const plain = await s.app.request('/v1/feedback', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: 'hello',
    })
    expect(plain.status).toBe(415)
  })

  it('rejects unknown fields rather than dropping them silently', async () => {
    const res = await post(s.app, { text: 'ok', colour: 'red' })
    expect(res.status).toBe(422)
  })
})
