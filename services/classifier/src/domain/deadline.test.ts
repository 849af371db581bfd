import { describe, expect, it } from 'vitest'
import { findDeadline } from './deadline.ts'
import { normaliseText, tokenize } from './text.ts'

// 2026-11-23 is a Monday.
const writtenAt = new Date('2026-11-23T12:00:00Z')
const hoursLeft = (text: string, now = writtenAt) =>
  findDeadline(tokenize(normaliseText(text)), writtenAt, now)?.hoursLeft

describe('findDeadline', () => {
  it('understands today, tomorrow and weekdays relative to when it was written', () => {
    expect(hoursLeft('I need it today!')).toBeCloseTo(11.98, 1)
    expect(hoursLeft('Please fix it by tomorrow')).toBeCloseTo(35.98, 1)
    expect(hoursLeft('I need the parts before Friday')).toBeCloseTo(4 * 24 + 11.98, 1)
  })

  it('understands "within N hours/days"', () => {
    expect(hoursLeft('Refund me within 48 hours')).toBe(48)
    expect(hoursLeft('within two days')).toBe(48)
  })

  it('counts down from now when the item is read later', () => {
    expect(hoursLeft('within 48 hours', new Date('2026-11-24T12:00:00Z'))).toBe(24)
  })

  it('finds nothing in text without a deadline', () => {
    expect(hoursLeft('I had a lovely Friday evening at your place')).toBeUndefined()
  })
})
