import type { SentimentModelFile } from '../src/domain/sentiment-model.ts'

/** Dense weights (3 per bucket) → the model file's sparse, int8-quantised encoding. */
export const encodeWeights = (
  table: Float32Array,
  keep: (bucket: number) => boolean,
): Pick<SentimentModelFile, 'index' | 'weights' | 'quantScale'> & { kept: number } => {
  let maxAbs = 0
  for (const w of table) maxAbs = Math.max(maxAbs, Math.abs(w))
  const quantScale = maxAbs > 0 ? maxAbs / 127 : 1
  const gaps: number[] = []
  const weights: number[] = []
  let last = -1
  const buckets = table.length / 3
  for (let b = 0; b < buckets; b++) {
    if (!keep(b)) continue
    const q = [0, 1, 2].map((c) => Math.round((table[b * 3 + c] ?? 0) / quantScale))
    if (q.every((x) => x === 0)) continue
    let gap = b - last
    last = b
    while (gap >= 0x80) {
      gaps.push((gap & 0x7f) | 0x80)
      gap = Math.floor(gap / 0x80)
    }
    gaps.push(gap)
    for (const x of q) weights.push(x & 0xff)
  }
  return {
    index: Buffer.from(gaps).toString('base64'),
    weights: Buffer.from(weights).toString('base64'),
    quantScale,
    kept: weights.length / 3,
  }
}
