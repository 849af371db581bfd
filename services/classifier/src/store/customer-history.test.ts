import { describe, expect, it } from 'vitest'
import { createCustomerHistory } from './customer-history.ts'

const at = (iso: string) => new Date(iso)

describe('customer history', () => {
  it('sees an open problem and counts contacts from earlier items, not from the item itself', () => {
    const h = createCustomerHistory()
    h.record('t/c1', 'f1', at('2026-11-01T10:00:00Z'), true)
    expect(h.get('t/c1', at('2026-11-01T10:00:00Z'), 'f1')).toEqual({
      openProblem: false,
      contactsLast30Days: 0,
    })
    expect(h.get('t/c1', at('2026-11-03T10:00:00Z'), 'f2')).toEqual({
      openProblem: true,
      contactsLast30Days: 1,
    })
    expect(h.get('t/c2', at('2026-11-03T10:00:00Z'), 'f9').contactsLast30Days).toBe(0)
  })

  it('counts a redelivered or replayed item once', () => {
    const h = createCustomerHistory()
    for (let i = 0; i < 3; i++) h.record('t/c1', 'f1', at('2026-11-01T10:00:00Z'), false)
    h.record('t/c1', 'f2', at('2026-11-02T10:00:00Z'), false)
    expect(h.get('t/c1', at('2026-11-05T10:00:00Z'), 'f3').contactsLast30Days).toBe(2)
  })

  it('takes back a contact whose item was dead-lettered, and only that one', () => {
    const h = createCustomerHistory()
    h.record('t/c1', 'f1', at('2026-11-01T10:00:00Z'), false)
    h.record('t/c1', 'f2', at('2026-11-02T10:00:00Z'), true)
    h.forget('t/c1', 'f2')
    expect(h.get('t/c1', at('2026-11-03T10:00:00Z'), 'f3')).toEqual({
      openProblem: false,
      contactsLast30Days: 1,
    })
    h.forget('t/c1', 'f1')
    h.forget('t/nobody', 'f1')
    expect(h.size()).toBe(0)
  })

  it('lets a complaint lapse after 14 days and a contact after 30', () => {
    const h = createCustomerHistory()
    h.record('t/c1', 'f1', at('2026-10-01T10:00:00Z'), true)
    expect(h.get('t/c1', at('2026-10-20T10:00:00Z'), 'f2')).toEqual({
      openProblem: false,
      contactsLast30Days: 1,
    })
    expect(h.get('t/c1', at('2026-11-05T10:00:00Z'), 'f2').contactsLast30Days).toBe(0)
  })

  it('does not let an item see contacts that arrived after it', () => {
    const h = createCustomerHistory()
    h.record('t/c1', 'f2', at('2026-11-02T10:00:00Z'), true)
    expect(h.get('t/c1', at('2026-11-01T10:00:00Z'), 'f1')).toEqual({
      openProblem: false,
      contactsLast30Days: 0,
    })
  })

  it('keeps an open problem when a flood of other contacts follows it', () => {
    const h = createCustomerHistory()
    h.record('t/c1', 'complaint', at('2026-11-01T09:00:00Z'), true)
    for (let i = 0; i < 150; i++) {
      h.record('t/c1', `f${i}`, new Date(Date.parse('2026-11-01T10:00:00Z') + i * 60_000), false)
    }
    const seen = h.get('t/c1', at('2026-11-02T10:00:00Z'), 'next')
    expect(seen.openProblem).toBe(true)
    expect(seen.contactsLast30Days).toBe(101)
  })

  it('forgets the least recently seen customer beyond its size', () => {
    const h = createCustomerHistory({ maxCustomers: 2 })
    h.record('t/a', 'f1', at('2026-11-01T10:00:00Z'), true)
    h.record('t/b', 'f2', at('2026-11-01T10:00:00Z'), true)
    h.record('t/a', 'f3', at('2026-11-01T11:00:00Z'), true)
    h.record('t/c', 'f4', at('2026-11-01T12:00:00Z'), true)
    expect(h.size()).toBe(2)
    expect(h.get('t/b', at('2026-11-02T10:00:00Z')).openProblem).toBe(false)
    expect(h.get('t/a', at('2026-11-02T10:00:00Z')).openProblem).toBe(true)
  })
})
