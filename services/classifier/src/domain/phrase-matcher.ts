import { normaliseText, tokenize } from './text.ts'

/**
 * Finds phrases in tokenised text in one pass, for all rules at once. A phrase is lower-case words
 * separated by spaces; a word ending in `*` matches any word starting with what precedes it
 * (`refund*` matches refund, refunds, refunded).
 */
// `at` is the index of the first token matched, `length` how many tokens the phrase spans.
export type PhraseMatch<T> = { tag: T; phrase: string; at: number; length: number }
export type PhraseMatcher<T> = { match(tokens: readonly string[]): PhraseMatch<T>[] }

type Entry<T> = { tag: T; phrase: string; words: string[] }

const wordMatches = (pattern: string, token: string): boolean =>
  pattern.endsWith('*') ? token.startsWith(pattern.slice(0, -1)) : pattern === token

/** Splits a phrase the way text is tokenised, so "can't" or "on-hold" match as written. */
export const phraseWords = (phrase: string): string[] => {
  const star = phrase.trim().endsWith('*')
  const words = tokenize(normaliseText(phrase.replace(/\*$/, '')))
  if (star && words.length > 0) words[words.length - 1] = `${words[words.length - 1]}*`
  return words
}

/** The words of the text a match covers, as the customer wrote them ("refund*" → "refunded"). */
export const matchedWords = (tokens: readonly string[], m: { at: number; length: number }) =>
  tokens.slice(m.at, m.at + m.length).join(' ')

export const createPhraseMatcher = <T>(
  entries: readonly { tag: T; phrase: string }[],
): PhraseMatcher<T> => {
  const exact = new Map<string, Entry<T>[]>()
  const prefix = new Map<string, Entry<T>[]>()
  for (const { tag, phrase } of entries) {
    const words = phraseWords(phrase)
    const first = words[0]
    if (first === undefined) continue
    const entry = { tag, phrase, words }
    if (first.endsWith('*')) {
      const p = first.slice(0, -1)
      prefix.set(p, [...(prefix.get(p) ?? []), entry])
    } else {
      exact.set(first, [...(exact.get(first) ?? []), entry])
    }
  }
  // Prefix patterns grouped by their first two letters (as one number, so looking a token up
  // allocates nothing); most tokens start no pattern and cost one lookup.
  const headOf = (w: string) => w.charCodeAt(0) * 65536 + (w.length > 1 ? w.charCodeAt(1) : 0)
  const byHead = new Map<number, [string, Entry<T>[]][]>()
  const short: [string, Entry<T>[]][] = []
  // Shortest prefix first, as a match list always had them (a rule's reason names its first).
  for (const [p, list] of [...prefix].sort((a, b) => a[0].length - b[0].length)) {
    if (p.length < 2) short.push([p, list])
    else byHead.set(headOf(p), [...(byHead.get(headOf(p)) ?? []), [p, list]])
  }

  const tryEntries = (
    list: Entry<T>[] | undefined,
    tokens: readonly string[],
    i: number,
    out: PhraseMatch<T>[],
  ) => {
    if (list === undefined) return
    for (const e of list) {
      let ok = true
      for (let j = 1; j < e.words.length; j++) {
        const t = tokens[i + j]
        if (t === undefined || !wordMatches(e.words[j] as string, t)) {
          ok = false
          break
        }
      }
      if (ok) out.push({ tag: e.tag, phrase: e.phrase, at: i, length: e.words.length })
    }
  }

  return {
    match(tokens) {
      const out: PhraseMatch<T>[] = []
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] as string
        tryEntries(exact.get(t), tokens, i, out)
        for (const [p, list] of short) if (t.startsWith(p)) tryEntries(list, tokens, i, out)
        const group = t.length > 1 ? byHead.get(headOf(t)) : undefined
        if (group !== undefined) {
          for (const [p, list] of group) if (t.startsWith(p)) tryEntries(list, tokens, i, out)
        }
      }
      return out
    },
  }
}
