import { z } from 'zod'
import {
  createFeatureExtractor,
  createVector,
  isNegator,
  SRC_BIGRAM,
  SRC_DENSE,
  SRC_LEXICON,
  SRC_NEGATED,
  SRC_PREV_NEGATED,
  SRC_TOKEN,
  type TextAnalysis,
} from './features.ts'

/** Class probabilities for one text, summing to 1. */
export type SentimentProbabilities = { negative: number; neutral: number; positive: number }

/** What the classifier needs from a sentiment model; tests may pass a fake. */
export type SentimentModel = {
  name: string
  version: string
  predict(text: string): SentimentProbabilities
  /** The same for text already normalised and tokenised by normaliseText and tokenize. */
  predictTokens?(text: string, normalised: string, tokens: string[]): SentimentProbabilities
  /**
   * The words of the last text predicted that most favoured `label` over the other two classes,
   * strongest first: `weight` is their share of the label's log-odds (calibrated, > 0). With
   * `lexicon`, the part the valence lexicon's features played, and its words that point the
   * label's way.
   */
  explain?(label: SentimentLabelIndex, max: number): ModelEvidence
}
export type ModelEvidence = { terms: TermEvidence[]; lexicon?: { words: string[]; weight: number } }

/** 0 negative, 1 neutral, 2 positive: the order of the classes in the model file. */
export type SentimentLabelIndex = 0 | 1 | 2
export type TermEvidence = { term: string; weight: number }

const SKIPPED = new Set(['@user', 'httpurl'])
// explain() sums features by bucket in a table of 2^SLOT_BITS slots: at most half full, since a
// text has at most 4,096 features. TOP candidates are named, for the few terms shown.
const SLOT_BITS = 13
const SLOTS = 1 << SLOT_BITS
const SLOT_MASK = SLOTS - 1
const TOP = 12
// Below this a word hardly moved the verdict ("the" at 0.02): naming it would mislead.
const MIN_TERM_WEIGHT = 0.05
// Punctuation carries weight ("?", "!") but names nothing a reader can check.
const NAMEABLE_RE = /^[\p{L}\p{N}]|\p{Extended_Pictographic}/u

/** The negator that a negated token at `i` follows ("not", "never", "didn't"). */
const negatorBefore = (tokens: readonly string[], i: number): number => {
  for (let j = i - 1; j >= 0; j--) if (isNegator(tokens[j] as string)) return j
  return -1
}

/**
 * How a word feature reads: "rude", "no refund", and with its negator when negation marked it:
 * "not helpful", "not … recommend" (a negated word), "not … recommend this" (a pair ending in
 * one). Mentions, links and punctuation name nothing a reader can check: undefined.
 */
const termName = (tokens: readonly string[], src: number): string | undefined => {
  const i = Math.floor(src / SRC_TOKEN)
  const t = tokens[i] as string
  if (!NAMEABLE_RE.test(t)) return undefined
  let name = t
  let start = i
  if ((src & SRC_BIGRAM) !== 0) {
    let j = i - 1
    while (j >= 0 && SKIPPED.has(tokens[j] as string)) j--
    const before = tokens[j]
    if (before !== undefined) {
      if (!NAMEABLE_RE.test(before)) return undefined
      name = `${before} ${t}`
      start = j
    }
  }
  if ((src & (SRC_NEGATED | SRC_PREV_NEGATED)) === 0) return name
  const n = negatorBefore(tokens, start + 1)
  if (n < 0 || n === start) return name
  // Next to each other but for mentions and links, which features skip: "not @acme recommend".
  let between = n + 1
  while (between < start && SKIPPED.has(tokens[between] as string)) between++
  return between === start ? `${tokens[n]} ${name}` : `${tokens[n]} … ${name}`
}

/**
 * The committed model file: a multinomial logistic regression over hashed features. Weights are
 * sparse (pruned) and quantised: `index` is base64 of LEB128 varint gaps between bucket numbers,
 * `weights` base64 of int8 triplets (negative, neutral, positive) × `quantScale`.
 */
export const SentimentModelFile = z.object({
  format: z.literal(1),
  name: z.string().min(1),
  version: z.string().min(1),
  classes: z.tuple([z.literal('negative'), z.literal('neutral'), z.literal('positive')]),
  features: z.object({
    hashBits: z.number().int().min(8).max(24),
    bigrams: z.boolean(),
    charNgrams: z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }).nullable(),
    negationScope: z.number().int().min(0).max(10),
    numberShapes: z.boolean().optional(),
    sparseNormFloor: z.number().min(1).max(64).optional(),
  }),
  lexicons: z.object({
    valence: z.record(z.string(), z.number()),
    cues: z.record(z.string(), z.array(z.string())),
  }),
  bias: z.tuple([z.number(), z.number(), z.number()]),
  // Divides logits before the softmax; fitted on held-out data so confidence is calibrated.
  temperature: z.number().positive(),
  quantScale: z.number().positive(),
  index: z.string(),
  weights: z.string(),
  training: z.record(z.string(), z.unknown()).optional(),
})
export type SentimentModelFile = z.infer<typeof SentimentModelFile>

const fromBase64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0))

/** Expands the sparse quantised weights into a dense table: 3 floats per hash bucket. */
export const decodeWeights = (file: SentimentModelFile): Float32Array => {
  const table = new Float32Array(3 << file.features.hashBits)
  const gaps = fromBase64(file.index)
  const w = new Int8Array(fromBase64(file.weights).buffer)
  let bucket = -1
  let k = 0
  for (let p = 0; p < gaps.length; ) {
    let gap = 0
    let shift = 0
    for (;;) {
      const b = gaps[p++] ?? 0
      gap += (b & 0x7f) * 2 ** shift
      shift += 7
      if (b < 0x80) break
    }
    bucket += gap
    for (let c = 0; c < 3; c++) table[bucket * 3 + c] = (w[k * 3 + c] ?? 0) * file.quantScale
    k++
  }
  return table
}

/** Builds a model from its file; the dense weight table is built once here. */
export const createSentimentModel = (file: SentimentModelFile): SentimentModel => {
  const table = decodeWeights(file)
  const extractor = createFeatureExtractor(file.features, file.lexicons)
  const vec = createVector()
  const [b0, b1, b2] = file.bias
  const invT = 1 / file.temperature
  const score = (): SentimentProbabilities => {
    let z0 = b0
    let z1 = b1
    let z2 = b2
    const { idx, val, n } = vec
    for (let i = 0; i < n; i++) {
      const j = (idx[i] as number) * 3
      const v = val[i] as number
      z0 += (table[j] as number) * v
      z1 += (table[j + 1] as number) * v
      z2 += (table[j + 2] as number) * v
    }
    return softmax3(z0 * invT, z1 * invT, z2 * invT)
  }
  let last: TextAnalysis = extractor.analyse('')
  // explain()'s scratch space: a table of buckets met in this text, and the strongest few.
  const slotBucket = new Int32Array(SLOTS)
  const slotGen = new Int32Array(SLOTS)
  const slotWeight = new Float64Array(SLOTS)
  const slotFrom = new Int32Array(SLOTS)
  const usedSlots = new Int32Array(SLOTS)
  const topWeight = new Float64Array(TOP)
  const topFrom = new Int32Array(TOP)
  let generation = 0
  return {
    name: file.name,
    version: file.version,
    predict(text) {
      last = extractor.analyse(text)
      extractor.extractFromAnalysis(last, vec)
      return score()
    },
    predictTokens(text, normalised, tokens) {
      last = extractor.analyseTokens(text, normalised, tokens)
      extractor.extractFromAnalysis(last, vec)
      return score()
    },
    explain(label, max) {
      const { idx, val, src, n } = vec
      const a = label === 0 ? 1 : 0
      const b = label === 2 ? 1 : 2
      // Each word feature's part in the label's log-odds, summed over its occurrences (a word
      // written seven times counts seven times) in a small open-addressing table keyed by
      // bucket, remembered with where it first occurs. No allocation per text.
      if (generation === 0x7fffffff) {
        slotGen.fill(0)
        generation = 0
      }
      generation++
      let used = 0
      let lexicon = 0
      for (let i = 0; i < n; i++) {
        const from = src[i] as number
        if (from === SRC_DENSE) continue
        const bucket = idx[i] as number
        const j = bucket * 3
        const w = table[j + label] as number
        const evidence = (w - ((table[j + a] as number) + (table[j + b] as number)) / 2) * invT
        const contribution = evidence * (val[i] as number)
        if (from === SRC_LEXICON) lexicon += contribution
        else if (contribution > 0) {
          let h = Math.imul(bucket, 0x9e3779b1) >>> (32 - SLOT_BITS)
          while (slotGen[h] === generation && slotBucket[h] !== bucket) h = (h + 1) & SLOT_MASK
          if (slotGen[h] === generation) slotWeight[h] = (slotWeight[h] as number) + contribution
          else {
            slotGen[h] = generation
            slotBucket[h] = bucket
            slotWeight[h] = contribution
            slotFrom[h] = from
            usedSlots[used++] = h
          }
        }
      }
      // The strongest few, in order (more than asked: some name nothing, some read alike).
      let kept = 0
      for (let u = 0; u < used; u++) {
        const h = usedSlots[u] as number
        const weight = slotWeight[h] as number
        if (weight < MIN_TERM_WEIGHT) continue
        if (kept === TOP && weight <= (topWeight[TOP - 1] as number)) continue
        let k = kept < TOP ? kept++ : TOP - 1
        while (k > 0 && (topWeight[k - 1] as number) < weight) {
          topWeight[k] = topWeight[k - 1] as number
          topFrom[k] = topFrom[k - 1] as number
          k--
        }
        topWeight[k] = weight
        topFrom[k] = slotFrom[h] as number
      }
      const byTerm = new Map<string, number>()
      for (let k = 0; k < kept; k++) {
        const term = termName(last.tokens, topFrom[k] as number)
        if (term !== undefined) byTerm.set(term, (byTerm.get(term) ?? 0) + (topWeight[k] as number))
      }
      const terms = [...byTerm]
        .sort((x, y) => y[1] - x[1])
        .slice(0, max)
        .map(([term, weight]) => ({ term, weight }))
      if (label === 1 || lexicon <= 0) return { terms }
      // The label's way, as the word counted: "disappointed" after "not" is positive.
      const words: string[] = []
      const { tokens, valenceAt, valenceOf, valenceNegator } = last
      for (let k = 0; k < valenceAt.length && words.length < max; k++) {
        const v = valenceOf[k] as number
        if (!(label === 0 ? v < 0 : v > 0)) continue
        const i = valenceAt[k] as number
        const neg = valenceNegator[k] as number
        const t = tokens[i] as string
        const word = neg < 0 ? t : neg === i - 1 ? `${tokens[neg]} ${t}` : `${tokens[neg]} … ${t}`
        if (!words.includes(word)) words.push(word)
      }
      if (words.length === 0) return { terms }
      return { terms, lexicon: { words, weight: lexicon } }
    },
  }
}

export const softmax3 = (a: number, b: number, c: number): SentimentProbabilities => {
  const m = Math.max(a, b, c)
  const ea = Math.exp(a - m)
  const eb = Math.exp(b - m)
  const ec = Math.exp(c - m)
  const s = ea + eb + ec
  return { negative: ea / s, neutral: eb / s, positive: ec / s }
}
