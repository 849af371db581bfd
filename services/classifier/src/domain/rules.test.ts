import { describe, expect, it } from 'vitest'
import { createClassifier } from './classify.ts'
import { defaultRules } from './default-rules.ts'
import { ClassifierRules, mergeRules } from './rules.ts'

const model = {
  name: 'fake',
  version: '0',
  predict: () => ({ negative: 0.2, neutral: 0.6, positive: 0.2 }),
}

describe('rules', () => {
  it('ships default rules that satisfy their own schema', () => {
    expect(ClassifierRules.parse(defaultRules)).toEqual(defaultRules)
  })

  it('rejects invalid tenant overrides with the offending paths', () => {
    const bad = mergeRules(defaultRules, {
      urgency: {
        levels: { high: 'very' },
        phraseRules: [{ code: 'lower case', weight: 1, phrases: [] }],
      },
      nonsense: true,
    })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    const paths = bad.issues.map((i) => i.path)
    expect(paths).toContain('urgency.levels.high')
    expect(paths).toContain('urgency.phraseRules.0.code')
    expect(paths).toContain('')
  })

  it('refuses a misspelt cue field and a removal that names nothing, with their paths', () => {
    const bad = mergeRules(defaultRules, {
      sentiment: {
        cues: [{ code: 'MINE', shift: { negatve: 1 }, phrases: ['x'], unles: ['y'] }],
        disableCues: ['NO_COMPLAINTS'],
      },
      urgency: { disableRules: ['SAFETY_THREAT', 'SAFETY'] },
      topics: { disableTopics: ['parking'] },
    })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    const paths = bad.issues.map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['sentiment.cues.0.shift', 'sentiment.cues.0']))
    // The same anywhere in a tenant's rules: a misspelt minLevel would let a safety rule fire
    // below critical.
    const typos = mergeRules(defaultRules, {
      urgency: {
        phraseRules: [
          { code: 'NO_HEAT', weight: 2, phrases: ['no heating'], minlevel: 'critical' },
        ],
        levels: { critcal: 7 },
      },
      topics: { taxonomy: [{ name: 'heating', keyword: ['boiler'] }] },
      contact: { onNegatve: false },
    })
    expect(typos.ok).toBe(false)
    if (typos.ok) return
    expect(typos.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'urgency.phraseRules.0',
        'urgency.levels',
        'topics.taxonomy.0',
        'contact',
      ]),
    )
    const removals = mergeRules(defaultRules, {
      sentiment: { disableCues: ['NO_COMPLAINTS'] },
      urgency: { disableRules: ['SAFETY_THREAT', 'SAFETY'] },
      topics: { disableTopics: ['parking'] },
    })
    expect(removals).toMatchObject({
      ok: false,
      issues: [
        { path: 'sentiment.disableCues.0', message: expect.stringContaining('NO_COMPLAINTS') },
        { path: 'urgency.disableRules.1' },
        { path: 'topics.disableTopics.0' },
      ],
    })
    expect(mergeRules(defaultRules, { sentiment: { disableCues: ['SHORT_REPLY'] } }).ok).toBe(true)
  })

  it('rejects level thresholds out of order', () => {
    const bad = mergeRules(defaultRules, { urgency: { levels: { critical: 1, high: 5 } } })
    expect(bad).toMatchObject({ ok: false, issues: [{ path: 'urgency.levels' }] })
  })

  it('lets a tenant add a topic and find it in text, alongside the defaults', () => {
    const merged = mergeRules(defaultRules, {
      topics: { taxonomy: [{ name: 'parking', keywords: ['parking', 'car park', 'valet*'] }] },
    })
    if (!merged.ok) throw new Error(JSON.stringify(merged.issues))
    const c = createClassifier({ model, rules: merged.rules })
    const names = c
      .classify({ text: 'The car park was full and the valets were rude', channel: 'web' })
      .topics.map((t) => t.name)
    expect(names).toContain('parking')
    expect(names).toContain('staff_behaviour')
    expect(merged.rules.version).toBe(`${defaultRules.version}+tenant`)
  })

  it('lets a tenant replace a phrase rule by code and disable another', () => {
    const merged = mergeRules(defaultRules, {
      version: 'acme-3',
      urgency: {
        phraseRules: [{ code: 'LEGAL_THREAT', weight: 10, phrases: ['solicitor'] }],
        disableRules: ['CHURN_INTENT'],
      },
    })
    if (!merged.ok) throw new Error(JSON.stringify(merged.issues))
    const c = createClassifier({ model, rules: merged.rules })
    const legal = c.classify({ text: 'My solicitor will write to you', channel: 'web' })
    expect(legal.urgency.level).toBe('critical')
    expect(legal.rulesVersion).toBe('acme-3')
    const churn = c.classify({ text: 'I will cancel my subscription', channel: 'web' })
    expect(churn.urgency.reasons.map((r) => r.code)).not.toContain('CHURN_INTENT')
  })

  it('scores several topics per item, strongest first', () => {
    const c = createClassifier({ model, rules: defaultRules })
    const topics = c.classify({
      text: 'The driver was rude, the delivery was two hours late and I still have no refund',
      channel: 'web',
    }).topics
    const names = topics.map((t) => t.name)
    expect(names).toEqual(
      expect.arrayContaining(['delivery', 'staff_behaviour', 'billing_refunds']),
    )
    for (let i = 1; i < topics.length; i++) {
      expect(topics[i - 1]?.score).toBeGreaterThanOrEqual(topics[i]?.score ?? 0)
    }
  })
})
