import { isNegator } from './features.ts'
import { createPhraseMatcher, matchedWords, type PhraseMatch } from './phrase-matcher.ts'
import type { ClassifierRules, SentimentCue } from './rules.ts'
import type { SentimentProbabilities } from './sentiment-model.ts'
import { isWord } from './text.ts'

/**
 * Log-probability shifts for (negative, neutral, positive), summed over the cues that fired, and
 * each cue with its own shift and the words of the text that made it fire ("thanks … delayed").
 */
export type SentimentShift = {
  shift: [number, number, number]
  fired: { code: string; detail: string; shift: [number, number, number] }[]
}

type Role = 'phrase' | 'first' | 'second' | 'opens' | 'requires' | 'unless'
type Tag = { cue: number; role: Role }

const SENTENCE_END = new Set(['.', '!', '?', ';'])
const OPENING_SKIP = new Set(['@user', 'httpurl', '.', ',', ':', ';', '!', 'hi', 'hello', 'hey'])

/**
 * Compiles the rules' sentiment cues (patterns the statistical model gets wrong on short service
 * messages, e.g. praise aimed at a failure) into one phrase matcher. Returns null when there are
 * none, so classify() pays nothing for an empty list.
 */
export const createSentimentCueScorer = (rules: ClassifierRules['sentiment']) => {
  const cues: SentimentCue[] = rules.cues ?? []
  if (cues.length === 0) return null
  const entries: { tag: Tag; phrase: string }[] = []
  cues.forEach((c, cue) => {
    const add = (role: Role, phrases: readonly string[] | undefined) => {
      for (const phrase of phrases ?? []) entries.push({ tag: { cue, role }, phrase })
    }
    add('phrase', c.phrases)
    add('first', c.sequence?.first)
    add('second', c.sequence?.second)
    add('opens', c.opens)
    add('requires', c.requires)
    add('unless', c.unless)
  })
  const matcher = createPhraseMatcher<Tag>(entries)
  // Longer texts than every cue allows are not matched at all (most feedback is long).
  const maxWords = Math.max(...cues.map((c) => c.maxWords ?? Number.POSITIVE_INFINITY))

  return (tokens: readonly string[]): SentimentShift | null => {
    let words = 0
    let opening = -1
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as string
      if (opening < 0 && !OPENING_SKIP.has(t)) opening = i
      if (isWord(t)) words++
    }
    if (words > maxWords) return null
    const matches = matcher.match(tokens)
    if (matches.length === 0) return null
    const byCue = new Map<number, PhraseMatch<Tag>[]>()
    for (const m of matches) {
      const list = byCue.get(m.tag.cue)
      if (list === undefined) byCue.set(m.tag.cue, [m])
      else list.push(m)
    }
    let out: SentimentShift | null = null
    for (const [i, ms] of byCue) {
      const c = cues[i] as SentimentCue
      if (c.maxWords !== undefined && words > c.maxWords) continue
      if (ms.some((m) => m.tag.role === 'unless')) continue
      if (c.requires !== undefined && !ms.some((m) => m.tag.role === 'requires')) continue
      const hit = ms.find(
        (m) => m.tag.role === 'phrase' || (m.tag.role === 'opens' && m.at === opening),
      )
      let detail = hit === undefined ? undefined : matchedWords(tokens, hit)
      if (detail === undefined && c.opens?.includes('?') === true) {
        if (ms.some((m) => m.tag.role === 'opens' && tokens[m.at] === '?')) detail = '?'
      }
      if (detail === undefined && c.sequence !== undefined) {
        const { window, acrossSentences } = c.sequence
        let second: PhraseMatch<Tag> | undefined
        const first = ms.find(
          (f) =>
            f.tag.role === 'first' &&
            ms.some((t) => {
              if (t.tag.role !== 'second' || t.at <= f.at || t.at - f.at > window) return false
              // Both in one sentence, and "no delays" or "never late" is praise, not a complaint.
              let ends = 0
              for (let j = f.at + 1; j < t.at; j++) {
                // A run such as "! !" or ". ." still ends one sentence.
                const end = SENTENCE_END.has(tokens[j] as string)
                if (end && !SENTENCE_END.has(tokens[j - 1] as string)) ends++
              }
              if (ends > (acrossSentences === true ? 1 : 0)) return false
              const before = tokens[t.at - 1]
              if (before !== undefined && isNegator(before)) return false
              second = t
              return true
            }),
        )
        if (first !== undefined && second !== undefined) {
          detail = `${matchedWords(tokens, first)} … ${matchedWords(tokens, second)}`
        }
      }
      if (detail === undefined) continue
      const shift: [number, number, number] = [
        c.shift.negative ?? 0,
        c.shift.neutral ?? 0,
        c.shift.positive ?? 0,
      ]
      out ??= { shift: [0, 0, 0], fired: [] }
      out.shift = [out.shift[0] + shift[0], out.shift[1] + shift[1], out.shift[2] + shift[2]]
      out.fired.push({ code: c.code, detail, shift })
    }
    return out
  }
}

/** Applies log-probability shifts to probabilities (and renormalises). */
export const shiftProbabilities = (
  p: SentimentProbabilities,
  shift: readonly [number, number, number],
): SentimentProbabilities => {
  const a = p.negative * Math.exp(shift[0])
  const b = p.neutral * Math.exp(shift[1])
  const c = p.positive * Math.exp(shift[2])
  const s = a + b + c
  return { negative: a / s, neutral: b / s, positive: c / s }
}
