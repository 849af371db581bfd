import { describe, expect, it } from 'vitest'
import { createClassifier } from './classify.ts'
import { defaultRules } from './default-rules.ts'
import { mergeRules } from './rules.ts'
import { createSentimentCueScorer, shiftProbabilities } from './sentiment-cues.ts'
import type { SentimentModel, SentimentProbabilities } from './sentiment-model.ts'
import { normaliseText, tokenize } from './text.ts'

const score = createSentimentCueScorer(defaultRules.sentiment)
const codes = (text: string) =>
  score?.(tokenize(normaliseText(text)))?.fired.map((f) => f.code) ?? []
const fixed = (p: SentimentProbabilities): SentimentModel => ({
  name: 'fake',
  version: '0',
  predict: () => p,
})

describe('sentiment cues (default rules)', () => {
  it('reads praise aimed at a service failure as sarcasm', () => {
    for (const text of [
      'thanks for the 3 hour delay',
      'love being on hold for 2 hours',
      'great job losing my bag',
      'so glad my flight got cancelled',
      'great, another delay',
    ]) {
      expect(codes(text), text).toContain('SARCASTIC_PRAISE')
    }
    expect(codes('@company thanks for nothing')).toContain('SARCASM_IDIOM')
  })

  it('leaves real thanks alone, also when a problem was solved or did not happen', () => {
    for (const text of [
      'thank you so much for the quick refund!',
      'thanks for helping me with my delayed flight',
      'great flight, no delays at all',
      'love the late night menu',
      'Great service. Sadly the app was down yesterday',
    ]) {
      expect(codes(text), text).not.toContain('SARCASTIC_PRAISE')
      expect(codes(text), text).not.toContain('SARCASM_IDIOM')
    }
  })

  it('treats questions without a complaint as plain questions, and not those with one', () => {
    expect(codes('how do I change my booking?')).toContain('PLAIN_QUESTION')
    expect(codes('@company can I bring my guitar as carry on?')).toContain('PLAIN_QUESTION')
    expect(codes('why is my refund still not here?')).not.toContain('PLAIN_QUESTION')
    expect(codes('can you tell me why my flight was cancelled?')).not.toContain('PLAIN_QUESTION')
  })

  it('reads thanks after a dead device as sarcasm, and a slow charge as a failure', () => {
    expect(codes('my new laptop is a brick. thanks a lot @company')).toContain(
      'COMPLAINT_THEN_PRAISE',
    )
    expect(codes('the server kept timing out for a week. lost all my photos. thanks!')).toContain(
      'COMPLAINT_THEN_PRAISE',
    )
    expect(codes('my phone is charging very slowly')).toContain('PRODUCT_FAILURE')
  })

  it('leaves mixed reviews and praise of a fix alone', () => {
    for (const text of [
      'My order was delayed by a day. Otherwise the food was delicious and great',
      'Lost all hope of getting a table, then you found one. Thanks!',
      'Flight delayed. Thank you for the status update',
      'No time wasted at all, great service',
    ]) {
      expect(codes(text), text).not.toContain('COMPLAINT_THEN_PRAISE')
    }
    for (const text of [
      'Prices went down and the food is still tasty',
      'The app is no longer so slow, nice work',
      'Nine times out of ten the food arrives hot and fresh',
    ]) {
      expect(codes(text), text).not.toContain('PRODUCT_FAILURE')
    }
  })

  it('takes praise back from a short reply that states no feeling, not from short thanks', () => {
    for (const text of ['@lyft help', '@company DM sent', 'ok', 'hi', '@company reply']) {
      expect(codes(text), text).toContain('SHORT_REPLY')
    }
    for (const text of [
      '@company thanks!',
      'great flight',
      'ok thanks',
      'easy ordering',
      'still waiting',
      'done with you',
      '@company help, my card was charged twice',
    ]) {
      expect(codes(text), text).not.toContain('SHORT_REPLY')
    }
  })

  it('marks a service failure stated without sentiment words, not any missing thing', () => {
    expect(codes('been on hold for 45 minutes')).toContain('SERVICE_FAILURE')
    expect(codes('my parcel never arrived')).toContain('SERVICE_FAILURE')
    expect(codes('flight 1234 delayed again')).toContain('SERVICE_FAILURE')
    expect(codes("I'm still waiting for the new album")).not.toContain('SERVICE_FAILURE')
    expect(codes('thanks, the parcel never arrived but you refunded me')).not.toContain(
      'SERVICE_FAILURE',
    )
  })

  // Each cue with messages it must fire on and look-alikes it must leave alone.
  // Each cue with messages it must fire on, and look-alikes that contain one of its phrases but
  // must be spared by its `unless` list or its other conditions.
  const table: [code: string, fires: string[], spares: string[]][] = [
    [
      'DEMAND_TO_FIX',
      ['3G is draining my battery fix this @company', 'get it together @company', 'do better'],
      [
        'you said you would fix this and did, thanks for fixing it',
        'they will fix your card today',
      ],
    ],
    [
      'CHURN_STATEMENT',
      ['going elsewhere after this', 'never flying @company again', "I'm done with @company"],
      ['never again have I felt so welcome, love you guys', 'time to switch seats, love this crew'],
    ],
    [
      'PRODUCT_FAILURE',
      ['my phone keeps dying', 'the app froze again', 'charger fell apart after a week'],
      [
        'never had a battery that lasts this long, it keeps dying on other phones',
        'my app froze, how do i reset it?',
      ],
    ],
    [
      'ANGRY_WORDS',
      ['@company wtf is this', 'sick of your excuses', 'this is bullshit'],
      ['holy shit this is amazing', 'lol that ad was dumb'],
    ],
    [
      'COMPLAINT_QUESTION',
      ['why is my flight delayed again?', 'when are you going to fix iOS?', 'are you serious?'],
      ['why is this so good, love it', 'how long does it take to get there? thanks'],
    ],
    [
      'PRAISE_WITH_COMPLAINT',
      ['thanks @company for making the shittiest chargers', 'love that nothing works today'],
      ['thanks for the update on my delayed flight', 'great app, crashed once but fixed now'],
    ],
    [
      'COMPLAINT_THEN_PRAISE',
      ['paid 3k weeks ago and still nothing. Awesome.', 'my order is lost. great job'],
      [
        'my order was lost but you refunded it, thanks',
        'The flight was delayed. Crew were great',
        // The praise is more than one sentence away from the failure.
        'my bag was lost. We landed. Got home. Thanks',
      ],
    ],
    [
      'SARCASM_IDIOM',
      ['s/o @company for this great charger #not', 'Great job on the update!!! Not...'],
      ['thank you so much, yeah right on time', 'Was the driver late? Not.'],
    ],
  ]
  for (const [code, fires, spares] of table) {
    it(`fires ${code} on its pattern and not on look-alikes`, () => {
      for (const text of fires) expect(codes(text), text).toContain(code)
      for (const text of spares) expect(codes(text), text).not.toContain(code)
    })
  }

  it('shifts the model verdict: a sure positive becomes negative on sarcasm', () => {
    const c = createClassifier({
      model: fixed({ negative: 0.05, neutral: 0.1, positive: 0.85 }),
      rules: defaultRules,
    })
    const s = c.classify({ text: 'great job losing my bag', channel: 'social' }).sentiment
    expect(s.label).toBe('negative')
    const plain = c.classify({ text: 'great job, thank you', channel: 'social' }).sentiment
    expect(plain.label).toBe('positive')
  })

  it('shifts probabilities in log space and keeps them normalised', () => {
    const p = shiftProbabilities({ negative: 0.2, neutral: 0.3, positive: 0.5 }, [
      Math.log(2),
      0,
      0,
    ])
    expect(p.negative + p.neutral + p.positive).toBeCloseTo(1, 10)
    expect(p.negative / p.positive).toBeCloseTo(0.8, 10)
  })

  it('lets a tenant disable a cue or add its own', () => {
    const merged = mergeRules(defaultRules, {
      sentiment: {
        disableCues: ['SARCASTIC_PRAISE'],
        cues: [{ code: 'BRAND_IN_JOKE', shift: { positive: 3 }, phrases: ['beep beep'] }],
      },
    })
    if (!merged.ok) throw new Error(JSON.stringify(merged.issues))
    const cues = merged.rules.sentiment.cues?.map((c) => c.code)
    expect(cues).not.toContain('SARCASTIC_PRAISE')
    expect(cues).toContain('BRAND_IN_JOKE')
    expect(cues).toContain('PLAIN_QUESTION')
    const c = createClassifier({
      model: fixed({ negative: 0.4, neutral: 0.4, positive: 0.2 }),
      rules: merged.rules,
    })
    expect(c.classify({ text: 'beep beep', channel: 'web' }).sentiment.label).toBe('positive')
  })

  it('makes praise earn its label under the default class prior, which a tenant can turn off', () => {
    // 0.42 positive against 0.30 / 0.28: positive alone, but not once positive is shifted by −0.5.
    const model = fixed({ negative: 0.3, neutral: 0.28, positive: 0.42 })
    const text = 'the parcel came today'
    const byDefault = createClassifier({ model, rules: defaultRules })
    expect(byDefault.classify({ text, channel: 'web' }).sentiment.label).toBe('negative')
    const reviews = mergeRules(defaultRules, { sentiment: { classPrior: {} } })
    if (!reviews.ok) throw new Error(JSON.stringify(reviews.issues))
    const off = createClassifier({ model, rules: reviews.rules })
    expect(off.classify({ text, channel: 'web' }).sentiment.label).toBe('positive')
    expect(mergeRules(defaultRules, { sentiment: { classPrior: { happy: 1 } } }).ok).toBe(false)
  })

  it('costs nothing without cues', () => {
    expect(createSentimentCueScorer({ minConfidence: 0.5 })).toBeNull()
  })
})
