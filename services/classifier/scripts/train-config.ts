import type { TrainOptions } from './train-lib.ts'

// The configuration that trains the committed model. Chosen with the leave-one-domain-out
// protocol in experiments.ts (never on the dev rows that evaluate.ts reports).
export const MODEL_NAME = 'closeloop-sentiment-linear'
export const MODEL_VERSION = '1.0.0'

export const trainOptions: TrainOptions = {
  features: {
    hashBits: 20,
    bigrams: true,
    charNgrams: null,
    negationScope: 3,
  },
  epochs: 6,
  learningRate: 0.1,
  l2: 1e-7,
  seed: 20261123,
  setShare: { tweeteval: 4, uci: 0.5, food: 1, uber: 1, bank: 1, pet: 1, clothing: 0.7 },
  neutralWeight: {},
  balancePower: 1,
  truncateChars: 100_000,
  sparseDropout: 0,
  domains: 'none',
  foldDomain: null,
}
