import { Urgency } from '@closeloop/shared/events'
import { describe, expect, it } from 'vitest'
import { type ClassifyInput, createClassifier } from './classify.ts'
import { defaultRules } from './default-rules.ts'
import { mergeRules } from './rules.ts'
import type { SentimentModel, SentimentProbabilities } from './sentiment-model.ts'

const fixedModel = (p: SentimentProbabilities): SentimentModel => ({
  name: 'fake',
  version: '0',
  predict: () => p,
})
const neutral = fixedModel({ negative: 0.1, neutral: 0.8, positive: 0.1 })
const angry = fixedModel({ negative: 0.95, neutral: 0.04, positive: 0.01 })
const happy = fixedModel({ negative: 0.02, neutral: 0.08, positive: 0.9 })

const base: ClassifyInput = { text: 'About my order.', channel: 'web' }
const codes = (u: Urgency) => u.reasons.map((r) => r.code)

describe('urgency rules', () => {
  const cases: {
    name: string
    model?: SentimentModel
    input: Partial<ClassifyInput>
    level: string
    code?: string
  }[] = [
    {
      name: 'a remark that asks nothing is low',
      input: { text: 'Visited your shop in Leeds today' },
      level: 'low',
    },
    {
      name: 'a plain question waits for an answer, so it is normal',
      input: { text: 'What are your opening hours?' },
      level: 'normal',
      code: 'AWAITING_ANSWER',
    },
    {
      name: 'a safety threat is critical on its own',
      input: { text: 'The heater caught fire in my kitchen' },
      level: 'critical',
      code: 'SAFETY_THREAT',
    },
    {
      name: 'a health risk is critical on its own',
      input: { text: 'We got food poisoning from your chicken' },
      level: 'critical',
      code: 'HEALTH_RISK',
    },
    {
      name: 'a lawyer threat is high',
      input: { text: 'I will contact my lawyer about this' },
      level: 'high',
      code: 'LEGAL_THREAT',
    },
    {
      name: 'churn intent is high',
      input: { text: 'I am switching to your competitor and want to cancel my plan' },
      level: 'high',
      code: 'CHURN_INTENT',
    },
    {
      name: 'leaving for another bank counts as churn',
      input: { text: 'The app crashes every time I pay. Fix it or I am switching banks.' },
      level: 'high',
      code: 'CHURN_INTENT',
    },
    {
      name: 'a chargeback threat counts as churn',
      input: { text: 'Refund me or I file a chargeback' },
      level: 'high',
      code: 'CHURN_INTENT',
    },
    {
      name: 'strong anger alone is normal',
      model: angry,
      input: { text: 'This is the worst service ever' },
      level: 'normal',
      code: 'ANGER',
    },
    {
      name: 'anger plus a 1-star rating plus a phone call is high',
      model: angry,
      input: {
        text: 'This is the worst service ever',
        rating: { value: 1, max: 5 },
        channel: 'phone',
      },
      level: 'high',
      code: 'LOW_RATING',
    },
    {
      name: 'a customer with an open problem who keeps contacting us is high',
      input: { history: { openProblem: true, contactsLast30Days: 4 } },
      level: 'high',
      code: 'REPEAT_CONTACT',
    },
    {
      name: 'a VIP customer is noted',
      input: { customer: { tier: 'vip' } },
      level: 'normal',
      code: 'CUSTOMER_TIER',
    },
    {
      name: 'praise lowers urgency',
      model: happy,
      input: { text: 'Lovely staff, thank you!' },
      level: 'low',
      code: 'POSITIVE_FEEDBACK',
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const classifier = createClassifier({ model: c.model ?? neutral, rules: defaultRules })
      const { urgency } = classifier.classify({ ...base, ...c.input })
      expect(Urgency.parse(urgency)).toEqual(urgency)
      expect(urgency.level).toBe(c.level)
      if (c.code !== undefined) expect(codes(urgency)).toContain(c.code)
      expect(urgency.score).toBeCloseTo(
        urgency.reasons.reduce((s, r) => s + r.weight, 0),
        6,
      )
    })
  }

  it("names the customer's words that fired a rule, not the rule's stem", () => {
    const c = createClassifier({ model: neutral, rules: defaultRules })
    const u = c.classify({ ...base, text: 'The charger exploded on my desk' }).urgency
    expect(u.reasons).toContainEqual(
      expect.objectContaining({ code: 'SAFETY_THREAT', detail: 'exploded' }),
    )
  })

  it('ranks a phone call above the same words sent by web form', () => {
    const classifier = createClassifier({ model: angry, rules: defaultRules })
    const text = 'Still no refund after two weeks'
    const phone = classifier.classify({ text, channel: 'phone' }).urgency
    const web = classifier.classify({ text, channel: 'web' }).urgency
    expect(phone.score).toBeGreaterThan(web.score)
    expect(codes(phone)).toContain('CHANNEL')
  })

  it('weighs a stated deadline by how soon it falls', () => {
    const clock = { now: () => new Date('2026-11-23T10:00:00Z') }
    const classifier = createClassifier({ model: neutral, rules: defaultRules, clock })
    const soon = classifier.classify({
      ...base,
      text: 'I need the replacement by tomorrow',
      occurredAt: '2026-11-23T09:00:00Z',
    }).urgency
    const later = classifier.classify({
      ...base,
      text: 'I need the replacement within 2 weeks',
      occurredAt: '2026-11-23T09:00:00Z',
    }).urgency
    const weight = (u: Urgency) => u.reasons.find((r) => r.code === 'STATED_DEADLINE')?.weight
    expect(weight(soon)).toBe(defaultRules.urgency.deadline.soonWeight)
    expect(weight(later)).toBe(defaultRules.urgency.deadline.weight)
  })

  it('takes thresholds and weights from tenant rules, not code', () => {
    const merged = mergeRules(defaultRules, {
      urgency: { levels: { high: 1, normal: 0.5 }, channel: { web: 1.5 } },
    })
    if (!merged.ok) throw new Error('overrides should be valid')
    const classifier = createClassifier({ model: neutral, rules: merged.rules })
    const u = classifier.classify({ text: 'Hello there', channel: 'web' }).urgency
    expect(u.level).toBe('high')
    expect(u.reasons).toContainEqual({ code: 'CHANNEL', detail: 'web', weight: 1.5 })
  })
})

describe('needsContact', () => {
  it('is set for negative items, urgent items and explicit requests only', () => {
    const calm = createClassifier({ model: neutral, rules: defaultRules })
    const cross = createClassifier({ model: angry, rules: defaultRules })
    expect(calm.classify({ text: 'What time do you open?', channel: 'web' }).needsContact).toBe(
      false,
    )
    expect(cross.classify({ text: 'Awful.', channel: 'web' }).needsContact).toBe(true)
    expect(
      calm.classify({ text: 'Call me back please', channel: 'web', contactRequested: true })
        .needsContact,
    ).toBe(true)
    expect(calm.classify({ text: 'I will sue you', channel: 'web' }).needsContact).toBe(true)
  })

  it('is set for text the models do not read, which goes to a person', () => {
    const calm = createClassifier({ model: neutral, rules: defaultRules })
    const foreign = calm.classify({ text: 'mi pedido nunca llegó', channel: 'web' })
    expect(foreign.language.supported).toBe(false)
    expect(foreign.needsHuman).toBe(true)
    expect(foreign.needsContact).toBe(true)
    // Mentions alone are in no language: nothing for a person to read.
    expect(calm.classify({ text: '@company', channel: 'web' }).needsContact).toBe(false)
    const merged = mergeRules(defaultRules, { contact: { onUnsupportedLanguage: false } })
    if (!merged.ok) throw new Error('overrides should be valid')
    const off = createClassifier({ model: neutral, rules: merged.rules })
    expect(off.classify({ text: 'mi pedido nunca llegó', channel: 'web' }).needsContact).toBe(false)
  })
})
