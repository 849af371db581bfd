import { describe, expect, it } from 'vitest'
import { decodeWeights } from '../src/domain/sentiment-model.ts'
import { encodeWeights } from './model-io.ts'

describe('model weight encoding', () => {
  it('round-trips sparse weights within one quantisation step', () => {
    const bits = 12
    const table = new Float32Array(3 << bits)
    const set = (b: number, w: number[]) => {
      table.set(w, b * 3)
    }
    set(0, [1.5, -0.2, 0])
    set(200, [0, 0.7, -2])
    set(4095, [-0.01, 0.3, 0.9])
    const enc = encodeWeights(table, () => true)
    const decoded = decodeWeights({
      features: { hashBits: bits, bigrams: true, charNgrams: null, negationScope: 3 },
      index: enc.index,
      weights: enc.weights,
      quantScale: enc.quantScale,
    } as Parameters<typeof decodeWeights>[0])
    expect(enc.kept).toBe(3)
    for (let i = 0; i < table.length; i++) {
      expect(Math.abs((decoded[i] ?? 0) - (table[i] ?? 0))).toBeLessThanOrEqual(
        enc.quantScale / 2 + 1e-6,
      )
    }
  })
})
