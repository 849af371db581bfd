import type { FeedbackClassified, FollowupState, UrgencyLevel } from '@closeloop/shared/events'
import { describe, expect, it } from 'vitest'
import { decideFollowup, pickOwner, type TenantPolicy } from './open-followup.ts'

const tenant: TenantPolicy = {
  id: 'demo',
  name: 'Demo Bistro',
  timezone: 'Europe/Lisbon',
  slaMinutes: { critical: 120, high: 480, normal: 1440, low: 4320 },
  owners: [
    { id: 'alice', name: 'Alice Martins', role: 'lead', teamId: 'care' },
    { id: 'bob', name: 'Bob Okafor', role: 'agent', teamId: 'care' },
    { id: 'carol', name: 'Carol Nguyen', role: 'agent', teamId: 'care' },
  ],
  team: { id: 'care', defaultOwnerId: 'bob' },
}

const item = (
  over: { id?: string; level?: UrgencyLevel; needsContact?: boolean; at?: string } = {},
) =>
  ({
    feedbackId: over.id ?? '01a20000-0000-7000-8000-000000000001',
    tenantId: 'demo',
    customerKey: 'demo/id:c-1',
    classifiedAt: over.at ?? '2026-03-02T10:00:01.000Z',
    sentiment: { label: 'negative', score: -0.8, confidence: 0.9 },
    urgency: { level: over.level ?? 'normal', score: 1, reasons: [] },
    topics: [],
    language: { code: 'en', supported: true, confidence: 0.9 },
    needsHuman: false,
    needsContact: over.needsContact ?? true,
    model: { name: 'm', version: '1' },
    rulesVersion: 'r1',
    feedback: {
      feedbackId: over.id ?? '01a20000-0000-7000-8000-000000000001',
      tenantId: 'demo',
      sourceId: 'web-form',
      customerKey: 'demo/id:c-1',
      channel: 'web',
      text: 'broken',
      customer: { id: 'c-1', name: 'Ana' },
      contactRequested: false,
      occurredAt: over.at ?? '2026-03-02T10:00:00.000Z',
      receivedAt: over.at ?? '2026-03-02T10:00:00.000Z',
      metadata: {},
    },
  }) satisfies FeedbackClassified

const ctx = (load: Record<string, number> = {}) => ({
  tenant,
  openLoad: (id: string) => load[id] ?? 0,
  newId: () => '3c8d7329-2e5f-5bab-aa33-cd87a6d715d9',
})

describe('decideFollowup', () => {
  it.each([
    ['critical', '2026-03-02T12:00:00.000Z'],
    ['high', '2026-03-02T18:00:00.000Z'],
    ['normal', '2026-03-03T10:00:00.000Z'],
    ['low', '2026-03-05T10:00:00.000Z'],
  ] as const)('promises contact for %s urgency by %s', (level, contactBy) => {
    const d = decideFollowup(undefined, item({ level }), ctx())
    expect(d.kind).toBe('changed')
    if (d.kind !== 'changed') return
    expect(d.state.contactBy).toBe(contactBy)
    expect(d.events.map((e) => e.kind)).toEqual(['opened', 'customer_acknowledged'])
  })

  it('tells the customer who will call and by when, in the tenant time zone', () => {
    const d = decideFollowup(undefined, item({ level: 'high' }), ctx())
    if (d.kind !== 'changed') throw new Error('expected a change')
    const ack = d.events.find((e) => e.kind === 'customer_acknowledged')
    expect(ack && 'message' in ack ? ack.message : '').toBe(
      'Thank you, Ana. We have your message. Bob from Demo Bistro will contact you by Monday 2 March at 18:00 WET.',
    )
  })

  it('skips items that need no contact', () => {
    expect(decideFollowup(undefined, item({ needsContact: false }), ctx())).toEqual({
      kind: 'skip',
      reason: 'no_contact_needed',
    })
  })

  it('attaches a second item to the open follow-up, raising urgency and moving the promise earlier', () => {
    const first = decideFollowup(undefined, item({ level: 'low' }), ctx())
    if (first.kind !== 'changed') throw new Error('expected a change')
    const second = decideFollowup(
      first.state,
      item({
        id: '01a20000-0000-7000-8000-000000000002',
        level: 'critical',
        at: '2026-03-02T11:00:00.000Z',
      }),
      ctx(),
    )
    if (second.kind !== 'changed') throw new Error('expected a change')
    expect(second.state.followupId).toBe(first.state.followupId)
    expect(second.state.urgency).toBe('critical')
    expect(second.state.contactBy).toBe('2026-03-02T13:00:00.000Z')
    expect(second.state.version).toBe(2)
    expect(second.events.map((e) => e.kind)).toEqual(['feedback_attached'])
  })

  it('never moves a promise later when a less urgent item arrives', () => {
    const first = decideFollowup(undefined, item({ level: 'critical' }), ctx())
    if (first.kind !== 'changed') throw new Error('expected a change')
    const second = decideFollowup(
      first.state,
      item({ id: '01a20000-0000-7000-8000-000000000003', level: 'low' }),
      ctx(),
    )
    if (second.kind !== 'changed') throw new Error('expected a change')
    expect(second.state.contactBy).toBe(first.state.contactBy)
    expect(second.state.urgency).toBe('critical')
  })

  it('leaves a reclassified item to analytics', () => {
    expect(decideFollowup(undefined, { ...item(), reclassification: true }, ctx())).toEqual({
      kind: 'skip',
      reason: 'reclassification',
    })
  })

  it('handles the same item twice only once', () => {
    const first = decideFollowup(undefined, item(), ctx())
    if (first.kind !== 'changed') throw new Error('expected a change')
    expect(decideFollowup(first.state, item(), ctx())).toEqual({
      kind: 'skip',
      reason: 'already_handled',
    })
  })

  it('opens a new follow-up once the previous one is resolved', () => {
    const resolved: FollowupState = {
      ...(decideFollowup(undefined, item(), ctx()) as { state: FollowupState }).state,
      status: 'resolved',
    }
    const d = decideFollowup(resolved, item({ id: '01a20000-0000-7000-8000-000000000004' }), {
      ...ctx(),
      newId: () => 'a1b2c3d4-0000-5000-8000-000000000000',
    })
    if (d.kind !== 'changed') throw new Error('expected a change')
    expect(d.state.followupId).toBe('a1b2c3d4-0000-5000-8000-000000000000')
    expect(d.events[0]?.kind).toBe('opened')
  })
})

describe('pickOwner', () => {
  it.each([
    [{}, 'bob'],
    [{ bob: 2, carol: 1 }, 'carol'],
    [{ bob: 1, carol: 1 }, 'bob'],
    [{ bob: 0, carol: 3 }, 'bob'],
  ])('with open load %o picks %s (agents only, default owner wins ties)', (load, expected) => {
    expect(pickOwner(tenant, (id) => (load as Record<string, number>)[id] ?? 0).owner.id).toBe(
      expected,
    )
  })
})
