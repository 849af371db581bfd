import { hashPair, hashString, isWord, normaliseText, tokenize } from './text.ts'

/** How text becomes features; stored inside the model file so training and inference agree. */
export type FeatureConfig = {
  hashBits: number
  bigrams: boolean
  // Character n-grams inside each word padded with spaces; null disables them.
  charNgrams: { min: number; max: number } | null
  // How many tokens after a negator are marked as negated (stops at clause punctuation).
  negationScope: number
  // Numbers become their shape ("1234" → "#4"), so "3 hours" and "5 hours" share features.
  numberShapes?: boolean
  // Sparse features are scaled by 1/sqrt(max(n, floor)): a one- or two-word text does not put
  // its whole weight on words seen mostly in other contexts ("seat", "help").
  sparseNormFloor?: number
}

/** Word lists the features count; stored in the model file (valence: −4…4, VADER-style). */
export type FeatureLexicons = {
  valence: Record<string, number>
  // cue family → phrases (lower-case, tokens separated by one space)
  cues: Record<string, string[]>
}

/**
 * A sparse feature vector: `n` (index, value) pairs; buffers are reused between calls. The first
 * `nSparse` are word features; `src` says where each came from, so a verdict can name its words:
 * token index × SRC_TOKEN plus the SRC_ flags.
 */
export type FeatureVector = {
  idx: Int32Array
  val: Float32Array
  src: Int32Array
  n: number
  nSparse: number
}
export const SRC_BIGRAM = 1
export const SRC_NEGATED = 2
// A pair whose first word was negated ("don't … go out").
export const SRC_PREV_NEGATED = 4
// `src` of a word feature is its token index × SRC_TOKEN plus the flags above.
export const SRC_TOKEN = 8
// `src` of the dense features read from the valence lexicon (the others get SRC_DENSE).
export const SRC_LEXICON = -1
export const SRC_DENSE = -2

export type FeatureExtractor = {
  extract(text: string, out: FeatureVector): FeatureVector
  analyse(text: string): TextAnalysis
  /** The same from text the caller already normalised and tokenised (classify() does). */
  analyseTokens(text: string, normalised: string, tokens: string[]): TextAnalysis
  extractFromAnalysis(a: TextAnalysis, out: FeatureVector): FeatureVector
}

export type TextAnalysis = {
  normalised: string
  tokens: string[]
  // Sum of positive and of negative valence after negation and "but" weighting.
  lexPos: number
  lexNeg: number
  // Count of matched phrases per cue family.
  cueCounts: Map<string, number>
  // Words of three or more letters written in capitals (shouting).
  capsWords: number
  // Tokens found in the valence lexicon, by index, with their valence as it counted and the index
  // of the negator that flipped it (−1 when none did).
  valenceAt: number[]
  valenceOf: number[]
  valenceNegator: number[]
}

const MAX_FEATURES = 4096
const CAPS_RE = /\b[A-Z]{3,}\b/g
const SEED_UNI = 1
const SEED_CHAR = 3
const SEED_DENSE = 4
const DIGITS_RE = /^\d+$/

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'none',
  'neither',
  'nor',
  'without',
  'cannot',
  'dont',
  'cant',
  'wont',
  'isnt',
  'didnt',
  'doesnt',
  'wasnt',
  'werent',
  'havent',
  'hasnt',
  'aint',
  'couldnt',
  'wouldnt',
  'shouldnt',
  'arent',
  'hardly',
  'nowhere',
  'noone',
])
const CLAUSE_END = new Set(['.', ',', ';', ':', '!', '?', 'but'])
const QUESTION_START = new Set([
  'how',
  'what',
  'when',
  'where',
  'why',
  'who',
  'which',
  'can',
  'could',
  'is',
  'are',
  'do',
  'does',
  'did',
  'will',
  'would',
  'should',
  'any',
  'anyone',
  'may',
  'whats',
  "what's",
  'hows',
  "how's",
])

export const isNegator = (t: string): boolean => NEGATORS.has(t) || t.endsWith("n't")

export const createVector = (): FeatureVector => ({
  idx: new Int32Array(MAX_FEATURES),
  val: new Float32Array(MAX_FEATURES),
  src: new Int32Array(MAX_FEATURES),
  n: 0,
  nSparse: 0,
})

/** First token → phrases (as token arrays) starting with it, for one-pass phrase matching. */
const compileCues = (cues: Record<string, string[]>) => {
  const byFirst = new Map<string, { family: string; rest: string[] }[]>()
  for (const [family, phrases] of Object.entries(cues)) {
    for (const p of phrases) {
      const toks = tokenize(normaliseText(p))
      const first = toks[0]
      if (first === undefined) continue
      const list = byFirst.get(first) ?? []
      list.push({ family, rest: toks.slice(1) })
      byFirst.set(first, list)
    }
  }
  return byFirst
}

export const createFeatureExtractor = (
  config: FeatureConfig,
  lexicons: FeatureLexicons,
): FeatureExtractor => {
  const mask = (1 << config.hashBits) - 1
  const numberShapes = config.numberShapes === true
  const normFloor = config.sparseNormFloor ?? 1
  const valence = new Map(Object.entries(lexicons.valence))
  const cueIndex = compileCues(lexicons.cues)
  const cueFamilies = Object.keys(lexicons.cues)
  const cueHashes = new Map(cueFamilies.map((f) => [f, hashString(`cue:${f}`, SEED_DENSE)]))
  const dense = (name: string) => hashString(name, SEED_DENSE) & mask

  const analyseTokens = (text: string, normalised: string, tokens: string[]): TextAnalysis => {
    let lexPos = 0
    let lexNeg = 0
    let negLeft = 0
    let butSeen = false
    const cueCounts = new Map<string, number>()
    const valenceAt: number[] = []
    const valenceOf: number[] = []
    const valenceNegator: number[] = []
    let negator = -1
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as string
      if (CLAUSE_END.has(t)) {
        negLeft = 0
        if (t === 'but') {
          // VADER's rule: what follows "but" outweighs what precedes it.
          lexPos *= 0.5
          lexNeg *= 0.5
          butSeen = true
        }
      } else {
        const v = valence.get(t)
        if (v !== undefined) {
          const s = (negLeft > 0 ? -0.74 * v : v) * (butSeen ? 1.5 : 1)
          valenceAt.push(i)
          valenceOf.push(s)
          valenceNegator.push(negLeft > 0 ? negator : -1)
          if (s > 0) lexPos += s
          else lexNeg -= s
        }
        if (isNegator(t)) {
          negLeft = config.negationScope + 1
          negator = i
        }
        if (negLeft > 0) negLeft--
      }
      const cands = cueIndex.get(t)
      if (cands !== undefined) {
        for (const c of cands) {
          let ok = true
          for (let j = 0; j < c.rest.length; j++) {
            if (tokens[i + 1 + j] !== c.rest[j]) {
              ok = false
              break
            }
          }
          if (ok) cueCounts.set(c.family, (cueCounts.get(c.family) ?? 0) + 1)
        }
      }
    }
    const capsWords = text.match(CAPS_RE)?.length ?? 0
    return {
      normalised,
      tokens,
      lexPos,
      lexNeg,
      cueCounts,
      capsWords,
      valenceAt,
      valenceOf,
      valenceNegator,
    }
  }

  const extractFromAnalysis = (a: TextAnalysis, out: FeatureVector): FeatureVector => {
    const { tokens } = a
    const { idx, src } = out
    let n = 0
    const cap = MAX_FEATURES - 64
    let negLeft = 0
    let prev = 0
    let prevNegated = false
    let words = 0
    for (let i = 0; i < tokens.length && n < cap; i++) {
      const t = tokens[i] as string
      // Mentions and links carry no sentiment, and their frequency differs by source.
      if (t === '@user' || t === 'httpurl') continue
      const word = isWord(t)
      let h = hashString(
        numberShapes && DIGITS_RE.test(t) ? `#${Math.min(t.length, 4)}` : t,
        SEED_UNI,
      )
      if (word) words++
      let from = i * SRC_TOKEN
      if (CLAUSE_END.has(t)) negLeft = 0
      else if (negLeft > 0) {
        h = hashPair(h, 0x6e6567)
        negLeft--
        from += SRC_NEGATED
      }
      if (isNegator(t)) negLeft = config.negationScope
      src[n] = from
      idx[n++] = h & mask
      if (config.bigrams && i > 0) {
        src[n] = from + SRC_BIGRAM + (prevNegated ? SRC_PREV_NEGATED : 0)
        idx[n++] = hashPair(prev, h) & mask
      }
      prev = h
      prevNegated = (from & SRC_NEGATED) !== 0
      if (word && config.charNgrams !== null && t.length >= 3) {
        const padded = ` ${t} `
        for (let len = config.charNgrams.min; len <= config.charNgrams.max; len++) {
          for (let s = 0; s + len <= padded.length && n < cap; s++) {
            if (len >= padded.length) break
            src[n] = i * SRC_TOKEN
            idx[n++] = (hashString(padded.slice(s, s + len), SEED_CHAR) ^ len) & mask
          }
        }
      }
    }
    // Sparse features share unit L2 norm so long reviews and short tweets weigh alike.
    const norm = n > 0 ? 1 / Math.sqrt(Math.max(n, normFloor)) : 0
    const val = out.val
    for (let i = 0; i < n; i++) val[i] = norm
    out.nSparse = n
    const put = (h: number, v: number, from = SRC_DENSE) => {
      idx[n] = h
      val[n] = v
      src[n] = from
      n++
    }
    put(dense('bias'), 1)
    put(dense('lex:pos'), Math.min(a.lexPos, 8) / 4, SRC_LEXICON)
    put(dense('lex:neg'), Math.min(a.lexNeg, 8) / 4, SRC_LEXICON)
    const net = a.lexPos - a.lexNeg
    put(dense(`lex:bin:${Math.max(-4, Math.min(4, Math.round(net)))}`), 1, SRC_LEXICON)
    if (a.lexPos === 0 && a.lexNeg === 0) put(dense('lex:none'), 1, SRC_LEXICON)
    let problem = 0
    for (const [family, count] of a.cueCounts) {
      const h = cueHashes.get(family)
      if (h !== undefined) put(h & mask, Math.min(count, 3) / 2)
      if (family.startsWith('problem')) problem += count
    }
    if (problem > 0 && a.lexPos > 0) put(dense('pos_with_problem'), 1)
    if (problem === 0 && a.lexNeg === 0 && a.lexPos === 0) put(dense('no_polarity'), 1)
    const firstWord = tokens.find((t) => isWord(t) && t !== '@user' && t !== 'user')
    if (firstWord !== undefined && QUESTION_START.has(firstWord)) put(dense('starts_question'), 1)
    if (a.normalised.includes('?')) put(dense('has_question'), 1)
    if (a.normalised.includes('!')) put(dense('has_exclaim'), 1)
    if (a.normalised.includes('httpurl')) put(dense('has_url'), 1)
    if (a.capsWords > 0) put(dense('has_caps'), 1)
    put(dense(`len:${words < 4 ? 0 : words < 10 ? 1 : words < 25 ? 2 : words < 60 ? 3 : 4}`), 1)
    out.n = n
    return out
  }

  const analyse = (text: string): TextAnalysis => {
    const normalised = normaliseText(text)
    return analyseTokens(text, normalised, tokenize(normalised))
  }

  return {
    analyse,
    analyseTokens,
    extractFromAnalysis,
    extract: (text, out) => extractFromAnalysis(analyse(text), out),
  }
}
