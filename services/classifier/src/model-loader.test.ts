import { Language, Sentiment, TopicScore, Urgency } from '@closeloop/shared/events'
import { describe, expect, it } from 'vitest'
import { normaliseText, tokenize } from './domain/text.ts'
import { loadDefaultClassifier } from './model-loader.ts'

const classifier = loadDefaultClassifier()
const classify = (text: string) => classifier.classify({ text, channel: 'social' })

describe('the committed model through classify()', () => {
  const clear: [string, string][] = [
    ['Absolutely love this place, the staff were wonderful. Thank you!', 'positive'],
    ['Best delivery service I have used, always on time', 'positive'],
    ['Worst experience ever. Rude staff and my refund never came.', 'negative'],
    ['My order is two hours late and nobody answers the phone', 'negative'],
    ['Terrible app, crashes every time I try to pay', 'negative'],
    ['What time does the store open on Sunday?', 'neutral'],
    ['Can you tell me where to send the return form?', 'neutral'],
  ]
  for (const [text, label] of clear) {
    it(`calls "${text}" ${label}`, () => {
      expect(classify(text).sentiment.label).toBe(label)
    })
  }

  it('scores tokens handed over by classify() exactly as it scores the raw text', () => {
    const model = classifier.model
    for (const text of [
      'Thanks @united for the 3 hour delay #not',
      "I can't log in, the app isn't working!!! 😡",
      'Best. Service. Ever. https://t.co/x #CustomerServiceWin',
      'ok',
    ]) {
      const normalised = normaliseText(text)
      expect(model.predictTokens?.(text, normalised, tokenize(normalised))).toEqual(
        model.predict(text),
      )
    }
  })

  it('marks a message that is only a mention as needing a person, not as praise', () => {
    const c = classify('@company')
    expect(c.language.supported).toBe(false)
    expect(c.needsHuman).toBe(true)
    expect(c.sentiment.confidence).toBe(0)
    expect(c.urgency.reasons.map((r) => r.code)).not.toContain('POSITIVE_FEEDBACK')
  })

  it('produces values that validate against the event schemas and carry versions', () => {
    const c = classify('My parcel never arrived and I want my money back by Friday')
    expect(Sentiment.parse(c.sentiment)).toEqual(c.sentiment)
    expect(Urgency.parse(c.urgency)).toEqual(c.urgency)
    expect(c.topics.map((t) => TopicScore.parse(t))).toEqual(c.topics)
    expect(Language.parse(c.language)).toEqual(c.language)
    expect(c.model.name).toBe('closeloop-sentiment-linear')
    expect(c.model.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(c.rulesVersion).toBe(classifier.rules.version)
    expect(c.needsContact).toBe(true)
  })

  it('gives calibrated-looking confidences: sure on clear text, unsure on mixed text', () => {
    const sure = classify('I love it, thank you so much, amazing service!').sentiment.confidence
    const mixed = classify('The food was great but the wait was long').sentiment.confidence
    expect(sure).toBeGreaterThan(0.8)
    expect(mixed).toBeLessThan(sure)
  })

  it('marks unsupported languages for a person instead of scoring them neutral', () => {
    for (const text of ['El servicio fue horrible y nadie me ayudó', 'サービスが最悪でした']) {
      const c = classify(text)
      expect(c.language.supported).toBe(false)
      expect(c.needsHuman).toBe(true)
      expect(c.sentiment.confidence).toBe(0)
    }
  })
})
