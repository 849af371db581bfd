import type { TrainOptions } from './train-lib.ts'

// The configuration that trains the committed model. Chosen with experiments.ts on train-side
// cross-validation and leave-one-domain-out (never on the dev rows that evaluate.ts reports).
export const MODEL_NAME = 'closeloop-sentiment-linear'
export const MODEL_VERSION = '1.2.1'

export const trainOptions: TrainOptions = {
  features: {
    hashBits: 20,
    bigrams: true,
    charNgrams: null,
    negationScope: 3,
    numberShapes: true,
    sparseNormFloor: 4,
  },
  epochs: 6,
  learningRate: 0.1,
  l2: 1e-3,
  seed: 20261123,
  setShare: { tweeteval: 4, uci: 0.5, food: 1, uber: 1, bank: 1, pet: 1, clothing: 0.7 },
  neutralWeight: {},
  lengthRef: 100_000,
  lengthPower: 0,
  balancePower: 1,
  truncateChars: 300,
  sparseDropout: 0,
  domains: 'none',
  foldDomain: null,
}
