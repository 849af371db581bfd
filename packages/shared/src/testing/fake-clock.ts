export type FakeClock = { now(): Date; advance(ms: number): void; set(iso: string): void }

/** A clock tests move by hand; domain code takes `now: () => Date`. */
export const createFakeClock = (start = '2026-01-05T09:00:00.000Z'): FakeClock => {
  let t = Date.parse(start)
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms
    },
    set: (iso) => {
      t = Date.parse(iso)
    },
  }
}
