import type { TopicScore } from '@closeloop/shared/events'
import { createPhraseMatcher } from './phrase-matcher.ts'
import type { ClassifierRules } from './rules.ts'

/**
 * Scores each taxonomy topic by the distinct keywords found: multi-word phrases count 1.5, single
 * words 1, and the score is 1 − e^(−0.7·sum), so one keyword gives 0.5 and three give ≈ 0.88.
 */
export const createTopicScorer = (rules: ClassifierRules['topics']) => {
  const matcher = createPhraseMatcher<string>(
    rules.taxonomy.flatMap((t) => t.keywords.map((phrase) => ({ tag: t.name, phrase }))),
  )
  return (tokens: readonly string[]): TopicScore[] => {
    const found = new Map<string, Set<string>>()
    for (const m of matcher.match(tokens)) {
      const set = found.get(m.tag) ?? new Set<string>()
      set.add(m.phrase)
      found.set(m.tag, set)
    }
    const out: TopicScore[] = []
    for (const [name, phrases] of found) {
      let sum = 0
      for (const p of phrases) sum += p.includes(' ') ? 1.5 : 1
      const score = Math.round((1 - Math.exp(-0.7 * sum)) * 1000) / 1000
      if (score >= rules.minScore) out.push({ name, score })
    }
    out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    return out.slice(0, rules.maxTopics)
  }
}
