import type { TopicScore } from '@closeloop/shared/events'
import { createPhraseMatcher, matchedWords } from './phrase-matcher.ts'
import type { ClassifierRules } from './rules.ts'
import { clip } from './text.ts'

// How many of a topic's keywords it names (the event allows 10).
const MAX_KEYWORDS = 5

/**
 * Scores each taxonomy topic by the distinct keywords found: multi-word phrases count 1.5, single
 * words 1, and the score is 1 − e^(−0.7·sum), so one keyword gives 0.5 and three give ≈ 0.88.
 * Each topic names the keywords found, as the text has them ("refund*" → "refunded").
 */
export const createTopicScorer = (rules: ClassifierRules['topics']) => {
  const matcher = createPhraseMatcher<string>(
    rules.taxonomy.flatMap((t) => t.keywords.map((phrase) => ({ tag: t.name, phrase }))),
  )
  return (tokens: readonly string[]): TopicScore[] => {
    // topic → phrase → the words it matched first
    const found = new Map<string, Map<string, string>>()
    for (const m of matcher.match(tokens)) {
      const phrases = found.get(m.tag) ?? new Map<string, string>()
      if (!phrases.has(m.phrase)) phrases.set(m.phrase, clip(matchedWords(tokens, m)))
      found.set(m.tag, phrases)
    }
    const out: TopicScore[] = []
    for (const [name, phrases] of found) {
      let sum = 0
      for (const p of phrases.keys()) sum += p.includes(' ') ? 1.5 : 1
      const score = Math.round((1 - Math.exp(-0.7 * sum)) * 1000) / 1000
      const keywords = [...new Set(phrases.values())].slice(0, MAX_KEYWORDS)
      if (score >= rules.minScore) out.push({ name, score, keywords })
    }
    out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    return out.slice(0, rules.maxTopics)
  }
}
