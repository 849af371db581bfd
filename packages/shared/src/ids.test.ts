import { describe, expect, it } from 'vitest'
import { uuidv5, uuidv7 } from './ids.ts'

describe('ids', () => {
  it('gives the same v5 id for the same name and a different one for another', () => {
    const a = uuidv5('demo\nweb-form\norder-1')
    expect(uuidv5('demo\nweb-form\norder-1')).toBe(a)
    expect(uuidv5('demo\nweb-form\norder-2')).not.toBe(a)
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('matches the RFC 9562 v5 test vector for the DNS namespace', () => {
    // RFC 9562 appendix A.4: "www.example.com" in the DNS namespace.
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    )
  })

  it('orders v7 ids by their timestamp', () => {
    const early = uuidv7(1_700_000_000_000)
    const late = uuidv7(1_700_000_000_001)
    expect(early < late).toBe(true)
    expect(late).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
