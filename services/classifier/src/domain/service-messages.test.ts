import { describe, expect, it } from 'vitest'
import { loadDefaultClassifier } from '../model-loader.ts'

// Sanity checks of the committed model plus default rules on short messages to a company.
// Hand-written examples: they guard known failures, they are not a measurement.
const classifier = loadDefaultClassifier()
const label = (text: string) => classifier.classify({ text, channel: 'social' }).sentiment.label

describe('short service messages through classify()', () => {
  const cases: [string, string][] = [
    ['@company thanks for nothing', 'negative'],
    ['great, another delay', 'negative'],
    ['thanks for the 3 hour delay', 'negative'],
    ['love being on hold for 2 hours', 'negative'],
    ['how do I change my booking?', 'neutral'],
    ['@company what is the baggage allowance?', 'neutral'],
    ['my flight was delayed 5 hours and nobody told us anything', 'negative'],
    ['still waiting for my refund', 'negative'],
    ['@company flight 1234 delayed again', 'negative'],
    ['why is my refund still not here?', 'negative'],
    ['thank you so much for the quick refund!', 'positive'],
    ['@company thanks for sorting out my card so fast', 'positive'],
    ['@company fix this', 'negative'],
    ['my phone keeps dying, get it together', 'negative'],
    ['thanks @company for making the shittiest chargers', 'negative'],
    ['Great job on the update!!! Not...', 'negative'],
    ['@company when are you going to fix the app?', 'negative'],
    ['paid weeks ago and still nothing. Awesome.', 'negative'],
    ['@company the new seats are great, thanks', 'positive'],
    ['@company is there wifi on flight 123?', 'neutral'],
    ['Thanks @shop for the parcel that never arrived. Fix this.', 'negative'],
    ['Flight delayed. Thank you for the update', 'positive'],
    ['@company help', 'neutral'],
    ['@company DM sent', 'neutral'],
    ['ok', 'neutral'],
    ['hi', 'neutral'],
    ['@company reply', 'neutral'],
    ['no complaints but the app keeps crashing', 'negative'],
    // A denial of a problem does not make a complaint praise: sarcasm, someone else's words,
    // or a failure beside it.
    ['@company never fails to disappoint', 'negative'],
    ['no problems with delivery, food was inedible', 'negative'],
    ['No issues with billing. Got scammed.', 'negative'],
    ['Your agent said no problem and then hung up on me', 'negative'],
    ['No complaints about the room. The front desk staff were rude and unhelpful', 'negative'],
    ['Technician found no problem and charged me a $90 callout fee', 'negative'],
  ]
  for (const [text, expected] of cases) {
    it(`calls "${text}" ${expected}`, () => {
      expect(label(text)).toBe(expected)
    })
  }
})
