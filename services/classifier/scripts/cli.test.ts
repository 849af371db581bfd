import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

  it('classifies an item whose optional fields do not fit, and names what it ignored', () => {
    const res = run(
      `${JSON.stringify({
        text: '@company my bag is lost, third time this year',
        channel: 'twitter',
        rating: 'two stars',
        customer: { tier: 'platinum' },
        occurredAt: 'yesterday',
      })}\n${JSON.stringify({ text: 'thanks!', channel: 'fax' })}\n`,
    )
    expect(res.status).toBe(0)
    const [first, second] = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(first.sentiment.label).toBe('negative')
    // "twitter" is another system's name for our social channel, so it is kept.
    expect(first.urgency.reasons).toContainEqual(expect.objectContaining({ code: 'CHANNEL' }))
    expect(first.warnings.map((w: { path: string }) => w.path).sort()).toEqual([
      'customer.tier',
      'occurredAt',
      'rating',
    ])
    expect(second.sentiment.label).toBe('positive')
    expect(second.warnings).toEqual([
      expect.objectContaining({ path: 'channel', message: expect.stringContaining('fax') }),
    ])
  })

  it('reads channel names in any case, and no property of a plain object as a channel', () => {
    const lines = [
      { text: 'my parcel never arrived', channel: 'PHONE' },
      { text: 'my parcel never arrived', channel: 'constructor' },
      { text: 'my parcel never arrived', channel: 'web', customer: 'vip' },
    ]
    const res = run(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`)
    const [upper, proto, flat] = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(upper.warnings).toBeUndefined()
    expect(upper.urgency.reasons).toContainEqual(expect.objectContaining({ detail: 'phone' }))
    expect(proto.warnings.map((w: { path: string }) => w.path)).toEqual(['channel'])
    expect(flat.warnings.map((w: { path: string }) => w.path)).toEqual(['customer'])
  })

  it('evaluates labelled lines of your own beside the lexicon baselines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'closeloop-eval-'))
    const file = join(dir, 'labelled.jsonl')
    const rows = [
      { text: 'thanks, lovely service!', label: 'positive' },
      { text: 'my parcel never arrived and nobody answers', label: 'negative' },
      { text: 'what time do you open on Sunday?', label: 'neutral' },
    ]
    writeFileSync(file, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`)
    const res = run('', ['evaluate', file])
    expect(res.status).toBe(0)
    expect(res.stdout).toContain('3 rows (negative / neutral / positive 1 / 1 / 1)')
    expect(res.stdout).toMatch(/\| closeloop [\d.]+ +\| 1\.000 \| 1\.000 \|/)
    expect(res.stdout).toContain('| vader-sentiment')
    const messy = join(dir, 'messy.jsonl')
    writeFileSync(messy, `${JSON.stringify(rows[0])}\nnot json\n{"text":"no label"}\n`)
    const partly = run('', ['evaluate', messy])
    expect(partly.status).toBe(0)
    expect(partly.stdout).toContain(
      '1 rows (negative / neutral / positive 0 / 0 / 1); skipped 2 lines',
    )
    const empty = join(dir, 'empty.jsonl')
    writeFileSync(empty, '{"text":"no label here"}\n')
    expect(run('', ['evaluate', empty]).status).toBe(1)
  })

  it("reads items with a tenant's rule overrides from --rules, and names a wrong field", () => {
    const dir = mkdtempSync(join(tmpdir(), 'closeloop-rules-'))
    const rules = join(dir, 'rules.json')
    writeFileSync(
      rules,
      JSON.stringify({
        version: 'bistro-3',
        topics: { taxonomy: [{ name: 'parking', keywords: ['parking', 'car park'] }] },
      }),
    )
    const item = `${JSON.stringify({ text: 'The car park was full again and we missed our table' })}\n`
    const plain = JSON.parse(run(item).stdout)
    expect(plain.topics.map((t: { name: string }) => t.name)).not.toContain('parking')
    const res = run(item, ['classify', '--rules', rules])
    expect(res.status).toBe(0)
    const tenant = JSON.parse(res.stdout)
    expect(tenant.rulesVersion).toBe('bistro-3')
    expect(tenant.topics.map((t: { name: string }) => t.name)).toContain('parking')

    const labelled = join(dir, 'labelled.jsonl')
    writeFileSync(labelled, `${JSON.stringify({ text: 'thanks!', label: 'positive' })}\n`)
    expect(run('', ['evaluate', '--rules', rules, labelled]).stdout).toContain('rules bistro-3')

    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ sentiment: { classPrior: { positive: 'lots' } } }))
    for (const args of [
      ['classify', '--rules', bad],
      ['evaluate', '--rules', bad, labelled],
    ]) {
      const refused = run(item, args)
      expect(refused.status).toBe(2)
      expect(refused.stdout).toBe('')
      expect(refused.stderr).toContain('sentiment.classPrior.positive')
    }
    // What jq prints for a tenant without overrides: the defaults, as the service uses them.
    const none = join(dir, 'none.json')
    writeFileSync(none, 'null\n')
    expect(JSON.parse(run(item, ['classify', '--rules', none]).stdout).rulesVersion).toBe(
      plain.rulesVersion,
    )
    const missing = run(item, ['classify', '--rules', join(dir, 'nope.json')])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('cannot read rules')
  })

  it('refuses an unknown command with a usage message', () => {
    const res = run('', ['frobnicate'])
    expect(res.status).toBe(2)
    expect(res.stderr).toContain('usage: closeloop')
  })
})
