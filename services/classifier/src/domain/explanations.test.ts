import type { Reason } from '@closeloop/shared/events'
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

  it('say "not" with a negated word', () => {
    const s = classify('the agent was not helpful at all').sentiment
    expect(s.label).toBe('negative')
    expect(details(s.reasons, 'TERM').some((t) => t?.startsWith('not '))).toBe(true)
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
  })
})
