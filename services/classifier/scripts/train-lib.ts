import {
  createFeatureExtractor,
  createVector,
  type FeatureConfig,
  type FeatureLexicons,
} from '../src/domain/features.ts'
import { LABELS, type Label, type SentimentRow } from './data.ts'

// Multinomial logistic regression over hashed sparse features, trained with AdaGrad. Pure
// TypeScript and deterministic (seeded shuffle), so one command reproduces the committed weights.

export type TrainOptions = {
  features: FeatureConfig
  epochs: number
  learningRate: number
  l2: number
  seed: number
  // Share of the total example weight each set gets (sets missing here get share 1).
  setShare: Record<string, number>
  // Extra multiplier on neutral rows per set (review 3-star "neutral" is a weak proxy).
  neutralWeight: Record<string, number>
  // Rows longer than this many characters are down-weighted by (lengthRef / length)^lengthPower:
  // long reviews read least like the short messages the classifier mostly sees.
  lengthRef: number
  lengthPower: number
  // 0 = no class balancing, 1 = every class carries equal total weight.
  balancePower: number
  // Training texts are cut to this many characters (at a word boundary): tweets are short.
  truncateChars: number
  // Probability of hiding each word/bigram feature in a training step, so the model also learns
  // to lean on the lexicon and cue features that carry over to unseen domains.
  sparseDropout: number
  // Domain adaptation by feature augmentation (Daumé 2007): every feature also gets a copy private
  // to the row's domain, which soaks up that domain's quirks (e.g. questions in app reviews are
  // complaints). 'none' = off; 'kind' = tweets vs reviews; 'set' = one domain per data set.
  domains: 'none' | 'kind' | 'set'
  // Which domain copy is folded into the shipped weights (null = the shared weights only).
  foldDomain: string | null
}

/** Domain name of a set under the chosen scheme. */
export const domainOf = (set: string, scheme: TrainOptions['domains']): string | null =>
  scheme === 'none' ? null : scheme === 'set' ? set : set === 'tweeteval' ? 'tweet' : 'review'

export type Trained = { table: Float32Array; bias: [number, number, number] }
export type TrainedDomains = Trained & { domains: string[]; full: Float32Array; fullBias: number[] }

type Packed = {
  offsets: Int32Array
  // Where each row's dense (lexicon, cue, shape) features start.
  denseFrom: Int32Array
  idx: Int32Array
  val: Float32Array
  labels: Uint8Array
  weights: Float32Array
}

export const labelIndex = (l: Label): number => LABELS.indexOf(l)

/** Extracts features once for all rows into flat arrays. */
export const truncateText = (text: string, max: number): string => {
  if (text.length <= max) return text
  const cut = text.lastIndexOf(' ', max)
  return text.slice(0, cut > max / 2 ? cut : max)
}

export const packRows = (
  rows: readonly SentimentRow[],
  config: FeatureConfig,
  lexicons: FeatureLexicons,
  truncateChars = Number.POSITIVE_INFINITY,
): Omit<Packed, 'weights'> => {
  const ex = createFeatureExtractor(config, lexicons)
  const vec = createVector()
  const offsets = new Int32Array(rows.length + 1)
  const denseFrom = new Int32Array(rows.length)
  let idx = new Int32Array(rows.length * 64)
  let val = new Float32Array(rows.length * 64)
  let n = 0
  rows.forEach((r, i) => {
    ex.extract(truncateText(r.text, truncateChars), vec)
    if (n + vec.n > idx.length) {
      const grow = Math.max(idx.length * 2, n + vec.n)
      const ni = new Int32Array(grow)
      ni.set(idx)
      idx = ni
      const nv = new Float32Array(grow)
      nv.set(val)
      val = nv
    }
    denseFrom[i] = n + vec.nSparse
    idx.set(vec.idx.subarray(0, vec.n), n)
    val.set(vec.val.subarray(0, vec.n), n)
    n += vec.n
    offsets[i + 1] = n
  })
  const labels = Uint8Array.from(rows, (r) => labelIndex(r.label))
  return { offsets, denseFrom, idx: idx.slice(0, n), val: val.slice(0, n), labels }
}

/** Per-row weights: each set gets its share, neutral proxies are damped, classes balanced. */
export const rowWeights = (rows: readonly SentimentRow[], opts: TrainOptions): Float32Array => {
  const perSet = new Map<string, number>()
  for (const r of rows) perSet.set(r.set, (perSet.get(r.set) ?? 0) + 1)
  const mean = rows.length / perSet.size
  const w = Float32Array.from(rows, (r) => {
    const share = opts.setShare[r.set] ?? 1
    const neutral = r.label === 'neutral' ? (opts.neutralWeight[r.set] ?? 1) : 1
    const long =
      r.text.length > opts.lengthRef ? (opts.lengthRef / r.text.length) ** opts.lengthPower : 1
    return (share * mean * neutral * long) / (perSet.get(r.set) ?? 1)
  })
  const classTotal = [0, 0, 0]
  rows.forEach((r, i) => {
    const c = labelIndex(r.label)
    classTotal[c] = (classTotal[c] ?? 0) + (w[i] ?? 0)
  })
  const total = classTotal.reduce((a, b) => a + b, 0)
  const factor = classTotal.map((c) => (c > 0 ? (total / (3 * c)) ** opts.balancePower : 0))
  rows.forEach((r, i) => {
    w[i] = (w[i] ?? 0) * (factor[labelIndex(r.label)] ?? 0)
  })
  // Normalise to mean 1 so learning rates mean the same whatever the mix.
  let sum = 0
  for (const x of w) sum += x
  const k = rows.length / sum
  for (let i = 0; i < w.length; i++) w[i] = (w[i] ?? 0) * k
  return w
}

const mulberry32 = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const trainModel = (
  packed: Omit<Packed, 'weights'>,
  weights: Float32Array,
  opts: TrainOptions,
  rowDomains: readonly (string | null)[],
  log: (s: string) => void = () => {},
): TrainedDomains => {
  const domains = [...new Set(rowDomains.filter((d): d is string => d !== null))].sort()
  const region = 3 << opts.features.hashBits
  const regionOf = Int32Array.from(rowDomains, (d) =>
    d === null ? 0 : (domains.indexOf(d) + 1) * region,
  )
  const size = region * (domains.length + 1)
  const W = new Float32Array(size)
  const G = new Float32Array(size)
  // Bias per domain too: index 0 shared, then 3 per domain.
  const bias = new Array<number>(3 * (domains.length + 1)).fill(0)
  const gb = new Array<number>(3 * (domains.length + 1)).fill(0)
  const n = packed.labels.length
  const order = Int32Array.from({ length: n }, (_, i) => i)
  const rand = mulberry32(opts.seed)
  const eta = opts.learningRate
  const z = [0, 0, 0]
  const g = [0, 0, 0]
  const keep = new Uint8Array(8192)
  // One AdaGrad step on weight q with loss gradient gv (L2 added here).
  const step = (q: number, gv: number) => {
    const w = W[q] as number
    const gc = gv + opts.l2 * w
    const acc = (G[q] as number) + gc * gc
    G[q] = acc
    W[q] = w - (eta * gc) / (Math.sqrt(acc) + 1e-6)
  }
  const drop = opts.sparseDropout
  const scaleKept = 1 / (1 - drop)
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      const t = order[i] as number
      order[i] = order[j] as number
      order[j] = t
    }
    let loss = 0
    for (let k = 0; k < n; k++) {
      const r = order[k] as number
      const from = packed.offsets[r] as number
      const to = packed.offsets[r + 1] as number
      const off = regionOf[r] as number
      const bo = off === 0 ? -1 : (off / region) * 3
      z[0] = (bias[0] as number) + (bo < 0 ? 0 : (bias[bo] as number))
      z[1] = (bias[1] as number) + (bo < 0 ? 0 : (bias[bo + 1] as number))
      z[2] = (bias[2] as number) + (bo < 0 ? 0 : (bias[bo + 2] as number))
      const dense = packed.denseFrom[r] as number
      for (let p = from; p < to; p++) {
        keep[p - from] = p >= dense || drop === 0 || rand() >= drop ? 1 : 0
        if (keep[p - from] === 0) continue
        const b = (packed.idx[p] as number) * 3
        const v = (packed.val[p] as number) * (p >= dense ? 1 : scaleKept)
        z[0] += (W[b] as number) * v
        z[1] += (W[b + 1] as number) * v
        z[2] += (W[b + 2] as number) * v
        if (off !== 0) {
          z[0] += (W[off + b] as number) * v
          z[1] += (W[off + b + 1] as number) * v
          z[2] += (W[off + b + 2] as number) * v
        }
      }
      const m = Math.max(z[0], z[1], z[2])
      const e0 = Math.exp(z[0] - m)
      const e1 = Math.exp(z[1] - m)
      const e2 = Math.exp(z[2] - m)
      const s = e0 + e1 + e2
      const y = packed.labels[r] as number
      const wr = weights[r] as number
      g[0] = (e0 / s - (y === 0 ? 1 : 0)) * wr
      g[1] = (e1 / s - (y === 1 ? 1 : 0)) * wr
      g[2] = (e2 / s - (y === 2 ? 1 : 0)) * wr
      loss -= wr * Math.log(Math.max(1e-12, ([e0, e1, e2][y] as number) / s))
      for (let c = 0; c < 3; c++) {
        const gc = g[c] as number
        for (const q of bo < 0 ? [c] : [c, bo + c]) {
          gb[q] = (gb[q] as number) + gc * gc
          bias[q] = (bias[q] as number) - (eta * gc) / (Math.sqrt(gb[q] as number) + 1e-6)
        }
      }
      for (let p = from; p < to; p++) {
        if (keep[p - from] === 0) continue
        const b = (packed.idx[p] as number) * 3
        const v = (packed.val[p] as number) * (p >= dense ? 1 : scaleKept)
        for (let c = 0; c < 3; c++) {
          const gv = (g[c] as number) * v
          step(b + c, gv)
          if (off !== 0) step(off + b + c, gv)
        }
      }
    }
    log(`epoch ${epoch + 1}/${opts.epochs}: weighted log-loss ${(loss / n).toFixed(4)}`)
  }
  return {
    ...foldDomain(W, bias, domains, region, opts.foldDomain),
    domains,
    full: W,
    fullBias: bias,
  }
}

/** Shared weights plus one domain's private copy: what the shipped model holds. */
export const foldDomain = (
  W: Float32Array,
  bias: readonly number[],
  domains: readonly string[],
  region: number,
  domain: string | null,
): Trained => {
  const d = domain === null ? -1 : domains.indexOf(domain)
  const table = W.slice(0, region)
  const b: [number, number, number] = [bias[0] ?? 0, bias[1] ?? 0, bias[2] ?? 0]
  if (d >= 0) {
    const off = (d + 1) * region
    for (let i = 0; i < region; i++) table[i] = (table[i] as number) + (W[off + i] as number)
    for (let c = 0; c < 3; c++) b[c] = (b[c] ?? 0) + (bias[(d + 1) * 3 + c] ?? 0)
  }
  return { table, bias: b }
}

/** Logits for packed rows under a trained table. */
export const logitsOf = (packed: Omit<Packed, 'weights'>, model: Trained): Float32Array => {
  const n = packed.labels.length
  const out = new Float32Array(n * 3)
  for (let r = 0; r < n; r++) {
    let z0 = model.bias[0]
    let z1 = model.bias[1]
    let z2 = model.bias[2]
    for (let p = packed.offsets[r] as number; p < (packed.offsets[r + 1] as number); p++) {
      const b = (packed.idx[p] as number) * 3
      const v = packed.val[p] as number
      z0 += (model.table[b] as number) * v
      z1 += (model.table[b + 1] as number) * v
      z2 += (model.table[b + 2] as number) * v
    }
    out[r * 3] = z0
    out[r * 3 + 1] = z1
    out[r * 3 + 2] = z2
  }
  return out
}

const nll = (logits: Float32Array, labels: Uint8Array, t: number): number => {
  let sum = 0
  for (let r = 0; r < labels.length; r++) {
    const a = (logits[r * 3] as number) / t
    const b = (logits[r * 3 + 1] as number) / t
    const c = (logits[r * 3 + 2] as number) / t
    const m = Math.max(a, b, c)
    const lse = m + Math.log(Math.exp(a - m) + Math.exp(b - m) + Math.exp(c - m))
    sum += lse - (logits[r * 3 + (labels[r] as number)] as number) / t
  }
  return sum / labels.length
}

/** Temperature minimising log-loss on held-out rows (golden-section search on 0.2…5). */
export const fitTemperature = (logits: Float32Array, labels: Uint8Array): number => {
  let lo = 0.2
  let hi = 5
  const phi = (Math.sqrt(5) - 1) / 2
  for (let i = 0; i < 40; i++) {
    const a = hi - phi * (hi - lo)
    const b = lo + phi * (hi - lo)
    if (nll(logits, labels, a) < nll(logits, labels, b)) hi = b
    else lo = a
  }
  return Math.round(((lo + hi) / 2) * 1000) / 1000
}

export const argmax3 = (logits: Float32Array, r: number): number => {
  const a = logits[r * 3] as number
  const b = logits[r * 3 + 1] as number
  const c = logits[r * 3 + 2] as number
  return a >= b && a >= c ? 0 : c >= b ? 2 : 1
}
