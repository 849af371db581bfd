// Understands deadlines customers state ("by Friday", "tomorrow", "within 48 hours") well enough
// to say how many hours are left. Times are in UTC: the item carries no time zone.

export type StatedDeadline = { phrase: string; hoursLeft: number }

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const UNIT_HOURS: Record<string, number> = {
  hour: 1,
  hours: 1,
  hr: 1,
  hrs: 1,
  day: 24,
  days: 24,
  week: 168,
  weeks: 168,
}
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
}
const LEAD_WORDS = new Set(['by', 'before', 'until', 'till', 'due', 'deadline', 'within', 'in'])

const hoursToEndOfDay = (at: Date, plusDays: number): number => {
  const end = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + plusDays, 23, 59)
  return (end - at.getTime()) / 3_600_000
}

/**
 * Finds the earliest stated deadline in tokens. `writtenAt` anchors relative words; `now` (if
 * given) is subtracted so a deadline that is nearly gone counts as soon. Returns null if none.
 */
export const findDeadline = (
  tokens: readonly string[],
  writtenAt: Date,
  now: Date,
): StatedDeadline | null => {
  const elapsed = Math.max(0, (now.getTime() - writtenAt.getTime()) / 3_600_000)
  let best: StatedDeadline | null = null
  const offer = (phrase: string, hoursFromWriting: number) => {
    const hoursLeft = hoursFromWriting - elapsed
    if (best === null || hoursLeft < best.hoursLeft) best = { phrase, hoursLeft }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string
    const prev = tokens[i - 1] ?? ''
    const led = LEAD_WORDS.has(prev)
    if (t === 'today' || t === 'tonight') {
      if (led || tokens[i + 1] === '!' || prev === 'need' || prev === 'it') {
        offer(`${prev} ${t}`, hoursToEndOfDay(writtenAt, 0))
      }
    } else if (t === 'tomorrow') {
      if (led || prev === 'need' || prev === 'for')
        offer(`${prev} ${t}`, hoursToEndOfDay(writtenAt, 1))
    } else if (led && WEEKDAYS.includes(t)) {
      const target = WEEKDAYS.indexOf(t)
      let days = (target - writtenAt.getUTCDay() + 7) % 7
      if (days === 0) days = 7
      offer(`${prev} ${t}`, hoursToEndOfDay(writtenAt, days))
    } else if ((prev === 'within' || prev === 'in' || prev === 'next') && i + 1 < tokens.length) {
      const n = NUMBER_WORDS[t] ?? Number(t)
      const unit = UNIT_HOURS[tokens[i + 1] as string]
      if (Number.isFinite(n) && n > 0 && unit !== undefined) {
        offer(`${prev} ${t} ${tokens[i + 1]}`, n * unit)
      }
    } else if (t === 'end' && tokens[i + 1] === 'of') {
      const what = tokens[i + 2] === 'the' ? tokens[i + 3] : tokens[i + 2]
      if (what === 'day') offer('end of the day', hoursToEndOfDay(writtenAt, 0))
      if (what === 'week') {
        offer('end of the week', hoursToEndOfDay(writtenAt, (5 - writtenAt.getUTCDay() + 7) % 7))
      }
    } else if (t === 'deadline') {
      // A deadline mentioned without a date still matters; assume a few days.
      offer(t, 72)
    }
  }
  return best
}
