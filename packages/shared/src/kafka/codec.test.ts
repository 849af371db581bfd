import { describe, expect, it } from 'vitest'
import { decodeEvent, encodeEvent } from './codec.ts'

const event = {
  id: 'e-1',
  type: 'closeloop.feedback.received.v1',
  source: '/closeloop/ingest/demo/web-form',
  time: '2026-03-02T10:00:00.000Z',
  tenant: 'demo',
  subject: 'f-1',
  data: { text: 'hello' },
}

const asKafka = (m: ReturnType<typeof encodeEvent>) => ({
  value: Buffer.from(String(m.value)),
  headers: Object.fromEntries(
    Object.entries(m.headers ?? {}).map(([k, v]) => [k, Buffer.from(String(v))]),
  ),
})

describe('CloudEvents binary mode', () => {
  it('puts attributes in ce_ headers and the payload alone in the value', () => {
    const m = encodeEvent('demo/id:c-1', event)
    expect(m.key).toBe('demo/id:c-1')
    expect(JSON.parse(String(m.value))).toEqual({ text: 'hello' })
    expect(m.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: 'e-1',
      ce_type: 'closeloop.feedback.received.v1',
      ce_tenant: 'demo',
      'content-type': 'application/json',
    })
  })

  it('reads back what it wrote', () => {
    const decoded = decodeEvent(asKafka(encodeEvent('k', event)))
    expect(decoded).toEqual({ ok: true, event })
  })

  it.each([
    ['a missing id', { ce_id: undefined }, 'missing header ce_id'],
    ['another spec version', { ce_specversion: '0.3' }, 'unsupported ce_specversion 0.3'],
  ])('refuses %s', (_, change, reason) => {
    const m = asKafka(encodeEvent('k', event))
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) delete m.headers[k]
      else m.headers[k] = Buffer.from(v)
    }
    expect(decodeEvent(m)).toEqual({ ok: false, reason })
  })

  it('refuses a value that is not JSON', () => {
    const m = asKafka(encodeEvent('k', event))
    const decoded = decodeEvent({ ...m, value: Buffer.from('{nope') })
    expect(decoded.ok).toBe(false)
  })
})
