import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Sentiment, Urgency } from '@closeloop/shared/events'
import { describe, expect, it } from 'vitest'

const bin = fileURLToPath(new URL('../../../bin/closeloop', import.meta.url))
const run = (stdin: string, args = ['classify']) =>
  spawnSync(bin, args, { input: stdin, encoding: 'utf8', timeout: 60_000 })

describe('closeloop classify', () => {
  it('writes one classification per item and an error line for each bad line, in order', () => {
    const input = [
      JSON.stringify({
        text: 'My order came broken and nobody called back.',
        channel: 'web',
        customer: { id: 'c-42', tier: 'vip' },
        rating: 2,
        contactRequested: true,
      }),
      'this is not json',
      JSON.stringify({ channel: 'web' }),
      JSON.stringify({ text: 'Thanks, lovely service!' }),
    ].join('\n')
    const res = run(`${input}\n`)
    expect(res.status).toBe(0)
    const lines = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(4)
    const [first, badJson, badItem, last] = lines
    expect(Sentiment.parse(first.sentiment).label).toBe('negative')
    expect(Urgency.parse(first.urgency).reasons.map((r) => r.code)).toContain('CUSTOMER_TIER')
    expect(first.needsContact).toBe(true)
    expect(first.language.code).toBe('en')
    expect(Array.isArray(first.topics)).toBe(true)
    expect(badJson).toMatchObject({ error: { code: 'INVALID_JSON' }, line: 2 })
    expect(badItem).toMatchObject({ error: { code: 'INVALID_ITEM' }, line: 3 })
    expect(last.sentiment.label).toBe('positive')
  })

  it('refuses an unknown command with a usage message', () => {
    const res = run('', ['frobnicate'])
    expect(res.status).toBe(2)
    expect(res.stderr).toContain('usage: closeloop')
  })
})
