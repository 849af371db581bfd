import { z } from 'zod'
import { createFeatureExtractor, createVector } from './features.ts'

/** Class probabilities for one text, summing to 1. */
export type SentimentProbabilities = { negative: number; neutral: number; positive: number }

/** What the classifier needs from a sentiment model; tests may pass a fake. */
export type SentimentModel = {
  name: string
  version: string
  predict(text: string): SentimentProbabilities
  /** The same for text already normalised and tokenised by normaliseText and tokenize. */
  predictTokens?(text: string, normalised: string, tokens: string[]): SentimentProbabilities
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
  return {
    name: file.name,
    version: file.version,
    predict(text) {
      extractor.extract(text, vec)
      return score()
    },
    predictTokens(text, normalised, tokens) {
      extractor.extractFromAnalysis(extractor.analyseTokens(text, normalised, tokens), vec)
      return score()
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
