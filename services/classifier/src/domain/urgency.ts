import type { Sentiment, Urgency, UrgencyLevel, UrgencyReason } from '@closeloop/shared/events'
import { findDeadline } from './deadline.ts'
import { createPhraseMatcher, matchedWords } from './phrase-matcher.ts'
import type { ClassifierRules, PhraseRule } from './rules.ts'
import { clip } from './text.ts'

export type UrgencyInput = {
  tokens: readonly string[]
  rawText: string
  sentiment: Sentiment
  channel: string
  rating?: { value: number; max: number }
  tier?: string
  contactRequested?: boolean
  history?: { openProblem: boolean; contactsLast30Days: number }
  writtenAt: Date
  now: Date
}

export const LEVEL_RANK: Record<UrgencyLevel, number> = { low: 0, normal: 1, high: 2, critical: 3 }

const SHOUT_RE = /\b[A-Z]{3,}\b/g
const round = (n: number) => Math.round(n * 100) / 100

/** Builds the urgency scorer for one rule set; phrase lists are compiled once here. */
export const createUrgencyScorer = (rules: ClassifierRules['urgency']) => {
  const matcher = createPhraseMatcher<PhraseRule>(
    rules.phraseRules.flatMap((r) => r.phrases.map((phrase) => ({ tag: r, phrase }))),
  )
  const angerBands = [...rules.anger.bands].sort((a, b) => a.maxScore - b.maxScore)
  const ratingBands = [...rules.rating.bands].sort((a, b) => a.maxRatio - b.maxRatio)

  return (input: UrgencyInput): Urgency => {
    const reasons: UrgencyReason[] = []
    let floor: UrgencyLevel = 'low'
    const seen = new Set<string>()
    for (const m of matcher.match(input.tokens)) {
      if (seen.has(m.tag.code)) continue
      seen.add(m.tag.code)
      // The words as the customer wrote them ("exploded", not the rule's "explod*").
      const detail = clip(matchedWords(input.tokens, m))
      reasons.push({ code: m.tag.code, detail, weight: m.tag.weight })
      if (m.tag.minLevel !== undefined && LEVEL_RANK[m.tag.minLevel] > LEVEL_RANK[floor]) {
        floor = m.tag.minLevel
      }
    }

    const deadline = findDeadline(input.tokens, input.writtenAt, input.now)
    if (deadline !== null) {
      const soon = deadline.hoursLeft <= rules.deadline.soonHours
      reasons.push({
        code: 'STATED_DEADLINE',
        detail: `${deadline.phrase} (${Math.max(0, Math.round(deadline.hoursLeft))}h left)`,
        weight: soon ? rules.deadline.soonWeight : rules.deadline.weight,
      })
    }

    const { sentiment } = input
    if (sentiment.label === 'negative') {
      const band = angerBands.find((b) => sentiment.score <= b.maxScore)
      if (band !== undefined) {
        reasons.push({
          code: 'ANGER',
          detail: `sentiment ${round(sentiment.score)}`,
          weight: band.weight,
        })
      }
      const shouting =
        (input.rawText.match(SHOUT_RE)?.length ?? 0) >= 3 || input.rawText.includes('!!')
      if (shouting && rules.anger.shoutingWeight !== 0) {
        reasons.push({ code: 'SHOUTING', weight: rules.anger.shoutingWeight })
      }
    } else if (sentiment.label === 'positive' && rules.positiveWeight !== 0) {
      reasons.push({ code: 'POSITIVE_FEEDBACK', weight: rules.positiveWeight })
    }

    if (input.rating !== undefined && input.rating.max > 0) {
      const ratio = input.rating.value / input.rating.max
      const band = ratingBands.find((b) => ratio <= b.maxRatio)
      const detail = `${input.rating.value}/${input.rating.max}`
      if (band !== undefined) reasons.push({ code: 'LOW_RATING', detail, weight: band.weight })
      else if (ratio >= rules.rating.highRatio && rules.rating.highWeight !== 0) {
        reasons.push({ code: 'HIGH_RATING', detail, weight: rules.rating.highWeight })
      }
    }

    const channelWeight = rules.channel[input.channel] ?? 0
    if (channelWeight !== 0) {
      reasons.push({ code: 'CHANNEL', detail: input.channel, weight: channelWeight })
    }
    const tierWeight = input.tier === undefined ? 0 : (rules.tier[input.tier] ?? 0)
    if (tierWeight !== 0) {
      reasons.push({ code: 'CUSTOMER_TIER', detail: input.tier, weight: tierWeight })
    }

    const h = input.history
    if (h?.openProblem && rules.history.openProblemWeight !== 0) {
      reasons.push({
        code: 'REPEAT_CONTACT',
        detail: 'customer has an open problem',
        weight: rules.history.openProblemWeight,
      })
    }
    if (h !== undefined && h.contactsLast30Days >= rules.history.frequentContacts) {
      reasons.push({
        code: 'FREQUENT_CONTACT',
        detail: `${h.contactsLast30Days} contacts in 30 days`,
        weight: rules.history.frequentWeight,
      })
    }
    if (input.contactRequested && rules.contactRequestedWeight !== 0) {
      reasons.push({ code: 'CONTACT_REQUESTED', weight: rules.contactRequestedWeight })
    }

    const score = round(reasons.reduce((s, r) => s + r.weight, 0))
    const { levels } = rules
    let level: UrgencyLevel =
      score >= levels.critical
        ? 'critical'
        : score >= levels.high
          ? 'high'
          : score >= levels.normal
            ? 'normal'
            : 'low'
    if (LEVEL_RANK[floor] > LEVEL_RANK[level]) level = floor
    reasons.sort((a, b) => b.weight - a.weight)
    return { level, score, reasons }
  }
}
