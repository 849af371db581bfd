import type {
  Channel,
  CustomerTier,
  Language,
  Reason,
  Sentiment,
  TopicScore,
  Urgency,
} from '@closeloop/shared/events'
import { detectLanguage } from './language.ts'
import type { ClassifierRules } from './rules.ts'
import {
  createSentimentCueScorer,
  type SentimentShift,
  shiftProbabilities,
} from './sentiment-cues.ts'
import type {
  SentimentLabelIndex,
  SentimentModel,
  SentimentProbabilities,
} from './sentiment-model.ts'
import { clip, normaliseText, tokenize } from './text.ts'
import { createTopicScorer } from './topics.ts'
import { createUrgencyScorer, LEVEL_RANK } from './urgency.ts'

export type ClassifyInput = {
  text: string
  channel: Channel
  // Star rating or survey score.
  rating?: { value: number; max: 5 | 10 }
  customer?: { tier?: CustomerTier }
  contactRequested?: boolean
  // What the source claims, BCP 47.
  languageHint?: string
  // Per-customer state the worker keeps (customer-keyed partitions make it local).
  history?: { openProblem: boolean; contactsLast30Days: number }
  // ISO time the customer wrote it; anchors stated deadlines ("by Friday").
  occurredAt?: string
}

export type Classification = {
  sentiment: Sentiment
  urgency: Urgency
  topics: TopicScore[]
  language: Language
  needsHuman: boolean
  needsContact: boolean
  model: { name: string; version: string }
  rulesVersion: string
}

export type Classifier = {
  classify(input: ClassifyInput): Classification
  version: { model: string; rules: string }
  // What it was built from, so a tenant's classifier can reuse the model with merged rules.
  model: SentimentModel
  rules: ClassifierRules
}

export type ClassifierDeps = {
  model: SentimentModel
  rules: ClassifierRules
  // Only used to count down stated deadlines; without it, time is measured from occurredAt.
  clock?: { now(): Date }
}

const SYMBOLS_RE = /\p{Extended_Pictographic}|[:;=]-?[()DPp]/u
const round3 = (n: number) => Math.round(n * 1000) / 1000
const round2 = (n: number) => Math.round(n * 100) / 100
const LABELS = ['negative', 'neutral', 'positive'] as const
// How many of the model's words a verdict names, and how many reasons in all (the event's limit).
const MAX_TERMS = 3
const MAX_REASONS = 10

/** A log-probability shift as log-odds for `label` against the other two classes. */
const shiftFor = (shift: readonly [number, number, number], label: SentimentLabelIndex): number =>
  (shift[label] as number) -
  ((shift[(label + 1) % 3] as number) + (shift[(label + 2) % 3] as number)) / 2

const argmax = (p: SentimentProbabilities): SentimentLabelIndex =>
  p.negative >= p.neutral && p.negative >= p.positive ? 0 : p.positive >= p.neutral ? 2 : 1

/**
 * Why the label: the model's strongest words for it, the cues that fired (whichever way they
 * pushed: a cue the model overruled is still worth seeing) and the class prior when it, and
 * not the text, decided. Strongest first.
 */
const sentimentReasons = (
  model: SentimentModel,
  label: SentimentLabelIndex,
  cue: SentimentShift | null,
  prior: readonly [number, number, number] | null,
  withoutPrior: SentimentLabelIndex,
): Reason[] => {
  const evidence = model.explain?.(label, MAX_TERMS)
  const reasons: Reason[] = (evidence?.terms ?? []).map((t) => ({
    code: 'TERM',
    detail: clip(t.term),
    weight: round2(t.weight),
  }))
  if (evidence?.lexicon !== undefined) {
    const { words, weight } = evidence.lexicon
    reasons.push({ code: 'LEXICON', detail: clip(words.join(', ')), weight: round2(weight) })
  }
  for (const f of cue?.fired ?? []) {
    reasons.push({ code: f.code, detail: clip(f.detail), weight: round2(shiftFor(f.shift, label)) })
  }
  if (prior !== null && withoutPrior !== label) {
    const detail = LABELS.flatMap((l, i) => (prior[i] === 0 ? [] : [`${l} ${prior[i]}`])).join(', ')
    // Against the label it would have been: what the prior did to that choice.
    const weight = round2((prior[label] as number) - (prior[withoutPrior] as number))
    reasons.push({ code: 'CLASS_PRIOR', detail, weight })
  }
  // The event keeps the strongest ten.
  return reasons.sort((a, b) => b.weight - a.weight).slice(0, MAX_REASONS)
}
const addShifts = (
  a: readonly [number, number, number],
  b: readonly [number, number, number] | null,
): [number, number, number] => (b === null ? [...a] : [a[0] + b[0], a[1] + b[1], a[2] + b[2]])

const chooseLanguage = (
  text: string,
  tokens: readonly string[],
  hint: string | undefined,
  rules: ClassifierRules,
) => {
  const detected = detectLanguage(text, tokens)
  const supported = rules.language.supported
  if (detected.code === 'und') {
    // No letters at all: emoji and emoticons are still scored; anything else goes to a person.
    return { code: 'und', supported: SYMBOLS_RE.test(text), confidence: 0 }
  }
  if (!supported.includes(detected.code) && detected.confidence < rules.language.minConfidence) {
    // Too little evidence that it is foreign: trust the source's claim, else the default.
    const hinted = hint?.split('-')[0]?.toLowerCase()
    const code = hinted !== undefined && hinted.length >= 2 ? hinted : (supported[0] as string)
    return { code, supported: supported.includes(code), confidence: 0.5 }
  }
  return {
    code: detected.code,
    supported: supported.includes(detected.code),
    confidence: detected.confidence,
  }
}

/** Builds a classifier from a sentiment model and a (possibly tenant-merged) rule set. */
export const createClassifier = (deps: ClassifierDeps): Classifier => {
  const { model, rules } = deps
  const scoreUrgency = createUrgencyScorer(rules.urgency)
  const scoreTopics = createTopicScorer(rules.topics)
  const minContact = LEVEL_RANK[rules.contact.minUrgency]
  const scoreCues = createSentimentCueScorer(rules.sentiment)
  const prior = rules.sentiment.classPrior
  const priorShift: [number, number, number] | null =
    prior === undefined ? null : [prior.negative ?? 0, prior.neutral ?? 0, prior.positive ?? 0]

  const classify = (input: ClassifyInput): Classification => {
    const normalised = normaliseText(input.text)
    const tokens = tokenize(normalised)
    const language = chooseLanguage(input.text, tokens, input.languageHint, rules)
    let sentiment: Sentiment
    if (language.supported) {
      const raw = model.predictTokens?.(input.text, normalised, tokens) ?? model.predict(input.text)
      // Cue and prior shifts are log-probability steps, so they add up before one renormalisation.
      const cue = scoreCues?.(tokens) ?? null
      const shift = cue === null ? priorShift : addShifts(cue.shift, priorShift)
      const p = shift === null ? raw : shiftProbabilities(raw, shift)
      const label = argmax(p)
      sentiment = {
        label: LABELS[label],
        score: round3(Math.max(-1, Math.min(1, p.positive - p.negative))),
        confidence: round3(Math.max(p.negative, p.neutral, p.positive)),
        reasons: sentimentReasons(
          model,
          label,
          cue,
          priorShift,
          priorShift === null
            ? label
            : argmax(cue === null ? raw : shiftProbabilities(raw, cue.shift)),
        ),
      }
    } else {
      // Not scored: marked by confidence 0 and needsHuman, never passed off as a neutral verdict.
      sentiment = { label: 'neutral', score: 0, confidence: 0 }
    }
    const now = deps.clock?.now()
    const parsed = input.occurredAt === undefined ? Number.NaN : Date.parse(input.occurredAt)
    const writtenAt = Number.isNaN(parsed) ? (now ?? new Date(0)) : new Date(parsed)
    const urgency = scoreUrgency({
      tokens,
      rawText: input.text,
      sentiment,
      channel: input.channel,
      rating: input.rating,
      tier: input.customer?.tier,
      contactRequested: input.contactRequested,
      history: input.history,
      writtenAt,
      now: now ?? writtenAt,
    })
    const needsHuman = !language.supported || sentiment.confidence < rules.sentiment.minConfidence
    const needsContact =
      (rules.contact.onNegative && sentiment.label === 'negative') ||
      (rules.contact.onUnsupportedLanguage && !language.supported && language.code !== 'und') ||
      LEVEL_RANK[urgency.level] >= minContact ||
      input.contactRequested === true
    return {
      sentiment,
      urgency,
      topics: scoreTopics(tokens),
      language: { ...language, confidence: round3(language.confidence) },
      needsHuman,
      needsContact,
      model: { name: model.name, version: model.version },
      rulesVersion: rules.version,
    }
  }

  return {
    classify,
    version: { model: `${model.name}@${model.version}`, rules: rules.version },
    model,
    rules,
  }
}

export { defaultRules } from './default-rules.ts'
export { ClassifierRules, type MergeRulesResult, mergeRules, TenantRuleOverrides } from './rules.ts'
export {
  createSentimentModel,
  type SentimentModel,
  SentimentModelFile,
  type SentimentProbabilities,
} from './sentiment-model.ts'
