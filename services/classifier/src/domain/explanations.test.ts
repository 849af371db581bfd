import { type Reason, Sentiment, TopicScore } from '@closeloop/shared/events'
import { describe, expect, it } from 'vitest'
import { loadDefaultClassifier } from '../model-loader.ts'
import { defaultRules } from './default-rules.ts'
import { mergeRules } from './rules.ts'

// The committed model and rules: a verdict names what produced it.
const classifier = loadDefaultClassifier()
const classify = (text: string) => classifier.classify({ text, channel: 'social' })
const details = (reasons: Reason[] | undefined, code: string) =>
  (reasons ?? []).filter((r) => r.code === code).map((r) => r.detail)

describe('sentiment reasons', () => {
  it('name the cue that fired and the words it matched', () => {
    const s = classify('@acme thanks for nothing, still waiting for my refund').sentiment
    expect(s.label).toBe('negative')
    expect(details(s.reasons, 'SARCASM_IDIOM')).toEqual(['thanks for nothing'])
    // A sequence cue names both ends; a stem's star is not shown.
    const delay = classify('thanks for the 3 hour delay').sentiment
    expect(details(delay.reasons, 'SARCASTIC_PRAISE')).toEqual(['thanks … delay'])
    // The words as written, not the rule's stem ("damag*").
    const bag = classify('great, my suitcase arrived damaged').sentiment
    expect(details(bag.reasons, 'SARCASTIC_PRAISE')).toEqual(['great … damaged'])
  })

  it("name the model's words and the lexicon words that point the label's way", () => {
    const s = classify('The driver was rude and the food arrived cold').sentiment
    expect(s.label).toBe('negative')
    expect(details(s.reasons, 'LEXICON')).toEqual(['rude'])
    expect(details(s.reasons, 'TERM')).toContain('cold')
    const praise = classify('pretty good, the staff were lovely').sentiment
    expect(praise.label).toBe('positive')
    expect(details(praise.reasons, 'LEXICON')[0]).toContain('lovely')
  })

  it('say "not" with a negated word, near or far, in a pair too', () => {
    const s = classify('the agent was not helpful at all').sentiment
    expect(s.label).toBe('negative')
    expect(details(s.reasons, 'TERM').some((t) => t?.startsWith('not '))).toBe(true)
    const far = classify('wasnt a great experience').sentiment
    expect(far.label).toBe('negative')
    expect(details(far.reasons, 'LEXICON')).toEqual(['wasnt … great'])
    const terms = details(far.reasons, 'TERM')
    expect(terms).toContain('wasnt a great')
    expect(terms).not.toContain('a great')
    const pair = classify('I would not recommend this place').sentiment
    expect(details(pair.reasons, 'TERM')).toEqual(
      expect.arrayContaining(['not recommend', 'not recommend this']),
    )
    // A pair whose first word is negated, and a mention between negator and word.
    const first = classify("like that you don't have to go out").sentiment
    expect(details(first.reasons, 'TERM')).toContain("don't … go out")
    expect(details(first.reasons, 'TERM')).not.toContain('go out')
    const mention = classify('I would not @acme recommend this').sentiment
    expect(details(mention.reasons, 'TERM')).not.toContain('not … recommend')
  })

  it('weigh a word by all its occurrences before choosing the strongest', () => {
    const s = classify('awful awful awful awful awful awful awful, rude staff').sentiment
    const terms = details(s.reasons, 'TERM')
    expect(terms[0]).toBe('awful')
    expect(terms).toHaveLength(3)
    expect(terms.filter((t) => t === 'awful')).toHaveLength(1)
    const never = classify('never had an issue with my deliveries').sentiment
    expect(details(never.reasons, 'TERM')).toContain('never had')
    // A long text's words add up past the threshold instead of each falling under it.
    const long = classify('the courier lost my parcel and nobody answers. '.repeat(150)).sentiment
    expect(details(long.reasons, 'TERM').length).toBeGreaterThan(0)
  })

  it('fit the event: at most ten reasons, details and keywords at most 200 characters', () => {
    const token = 'x'.repeat(230)
    const cues = Array.from({ length: 15 }, (_, i) => ({
      code: `REFUND_${i}`,
      shift: { negative: 0.1 },
      sequence: { first: ['where'], second: [`refund${'z'.repeat(90)}*`], window: 5 },
    }))
    const merged = mergeRules(defaultRules, {
      sentiment: { cues },
      topics: { taxonomy: [{ name: 'refunds_long', keywords: ['refund*'] }] },
    })
    if (!merged.ok) throw new Error(JSON.stringify(merged.issues))
    const tenant = loadDefaultClassifier({ rules: merged.rules })
    for (const text of [
      `where is my refund${'z'.repeat(90)}${token}`,
      `order ${token} never arrived, refund${token}`,
    ]) {
      const c = tenant.classify({ text, channel: 'social' })
      expect(Sentiment.parse(c.sentiment)).toEqual(c.sentiment)
      for (const t of c.topics) expect(TopicScore.parse(t)).toEqual(t)
      expect(c.sentiment.reasons?.length).toBeLessThanOrEqual(10)
    }
    const many = tenant.classify({ text: `where is my refund${'z'.repeat(90)}`, channel: 'social' })
    expect(many.sentiment.reasons).toHaveLength(10)
  })

  it('come strongest first, support the label, and name no mention, link or punctuation', () => {
    for (const text of [
      '@acme why??? my order never came!!! https://t.co/x',
      '@acme thanks, lovely service :)',
      '@acme what time do you open tomorrow?',
    ]) {
      const reasons = classify(text).sentiment.reasons ?? []
      expect(reasons.length).toBeGreaterThan(0)
      const weights = reasons.map((r) => r.weight)
      expect(weights).toEqual([...weights].sort((a, b) => b - a))
      for (const r of reasons.filter((x) => x.code === 'TERM')) {
        expect(r.weight).toBeGreaterThan(0)
        expect(r.detail).toMatch(/^[\p{L}\p{N}]/u)
        expect(r.detail).not.toMatch(/@user|httpurl|[?!]/)
      }
    }
  })

  it('name the class prior only when it, not the text, chose the label', () => {
    const text = 'it does the job'
    const s = classify(text).sentiment
    expect(s.label).toBe('neutral')
    expect(details(s.reasons, 'CLASS_PRIOR')).toEqual(['positive -0.5'])
    const merged = mergeRules(defaultRules, { sentiment: { classPrior: {} } })
    if (!merged.ok) throw new Error('rules')
    const noPrior = loadDefaultClassifier({ rules: merged.rules })
    const without = noPrior.classify({ text, channel: 'social' }).sentiment
    expect(without.label).toBe('positive')
    expect(details(without.reasons, 'CLASS_PRIOR')).toEqual([])
    expect(details(classify('thank you so much, lovely').sentiment.reasons, 'CLASS_PRIOR')).toEqual(
      [],
    )
    // Its weight is what it did to the choice, so it supports the label whatever the prior.
    const odd = mergeRules(defaultRules, { sentiment: { classPrior: { neutral: 1, positive: 5 } } })
    if (!odd.ok) throw new Error('rules')
    const shifted = loadDefaultClassifier({ rules: odd.rules })
    const weights = ['it does the job', 'my order is late', 'what time do you open?', 'ok']
      .flatMap((t) => shifted.classify({ text: t, channel: 'social' }).sentiment.reasons ?? [])
      .filter((r) => r.code === 'CLASS_PRIOR')
      .map((r) => r.weight)
    expect(weights.length).toBeGreaterThan(0)
    for (const w of weights) expect(w).toBeGreaterThan(0)
  })

  it('are absent when the text was not scored', () => {
    const c = classify('El pedido llegó tarde y nadie me devolvió el dinero')
    expect(c.language.supported).toBe(false)
    expect(c.sentiment.reasons).toBeUndefined()
  })
})

describe('topic keywords', () => {
  it('name the keywords found, a stem as the customer wrote it', () => {
    const topics = classify('I was refunded the wrong amount and then charged twice').topics
    const billing = topics.find((t) => t.name === 'billing_refunds')
    expect(billing?.keywords).toEqual(expect.arrayContaining(['refunded', 'charged']))
    const merged = mergeRules(defaultRules, {
      topics: { taxonomy: [{ name: 'connectivity', keywords: ['wi-fi*', 'check-in*'] }] },
    })
    if (!merged.ok) throw new Error('rules')
    const tenant = loadDefaultClassifier({ rules: merged.rules })
    const c = tenant.classify({
      text: 'The wi-fi keeps dropping and check-ins failed',
      channel: 'web',
    })
    expect(c.topics.find((t) => t.name === 'connectivity')?.keywords).toEqual([
      'wi fi',
      'check ins',
    ])
  })
})
