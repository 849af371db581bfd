import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { SentimentModelFile } from '../src/domain/sentiment-model.ts'
import { isCalibration, isDev, loadSentiment } from './data.ts'
import { CUES, loadValence } from './lexicons.ts'
import { encodeWeights } from './model-io.ts'
import { MODEL_NAME, MODEL_VERSION, trainOptions } from './train-config.ts'
import {
  domainOf,
  fitTemperature,
  logitsOf,
  packRows,
  rowWeights,
  trainModel,
} from './train-lib.ts'

// Trains the committed sentiment model: `node services/classifier/scripts/train.ts [out.json]`.
// Train rows = not dev and not calibration; the temperature is fitted on the calibration slice;
// dev rows are left for evaluate.ts. Deterministic: the same data gives the same file.

const outPath =
  process.argv[2] ?? fileURLToPath(new URL('../model/sentiment.json', import.meta.url))
const log = (s: string) => process.stderr.write(`train: ${s}\n`)
const started = Date.now()
const opts = trainOptions
const lexicons = { valence: loadValence(), cues: CUES }
const rows = loadSentiment()
const train = rows.filter((r) => !isDev(r.id) && !isCalibration(r.id))
const calib = rows.filter((r) => isCalibration(r.id))
log(`${train.length} training rows, ${calib.length} calibration rows`)

const packed = packRows(train, opts.features, lexicons, opts.truncateChars)
const domains = train.map((r) => domainOf(r.set, opts.domains))
const trained = trainModel(packed, rowWeights(train, opts), opts, domains, log)
const model = { table: trained.table, bias: trained.bias }

// Keep the buckets that matter most so the file stays small: importance = |weights| × how much
// feature value the bucket saw in training (a rare bigram with a big weight matters little).
const MAX_BUCKETS = 600_000
const buckets = model.table.length / 3
const mass = new Float64Array(buckets)
for (let p = 0; p < packed.idx.length; p++) {
  const b = packed.idx[p] as number
  mass[b] = (mass[b] ?? 0) + Math.abs(packed.val[p] as number)
}
const importance = new Float64Array(buckets)
for (let b = 0; b < buckets; b++) {
  const norm =
    Math.abs(model.table[b * 3] ?? 0) +
    Math.abs(model.table[b * 3 + 1] ?? 0) +
    Math.abs(model.table[b * 3 + 2] ?? 0)
  importance[b] = norm * (mass[b] ?? 0)
}
const sorted = Float64Array.from(importance).sort().reverse()
const cutoff = Math.max(sorted[Math.min(MAX_BUCKETS, buckets) - 1] ?? 0, 1e-9)
for (let b = 0; b < buckets; b++) {
  if ((importance[b] ?? 0) < cutoff) model.table.fill(0, b * 3, b * 3 + 3)
}
const encoded = encodeWeights(model.table, (b) => (importance[b] ?? 0) >= cutoff)

// Calibrate the pruned, quantised weights the file will actually hold.
const quantised = new Float32Array(model.table.length)
for (let i = 0; i < quantised.length; i++) {
  quantised[i] = Math.round((model.table[i] ?? 0) / encoded.quantScale) * encoded.quantScale
}
const calibPacked = packRows(calib, opts.features, lexicons)
const temperature = fitTemperature(
  logitsOf(calibPacked, { ...model, table: quantised }),
  calibPacked.labels,
)
log(`kept ${encoded.kept} buckets, temperature ${temperature}`)

const file: SentimentModelFile = {
  format: 1,
  name: MODEL_NAME,
  version: MODEL_VERSION,
  classes: ['negative', 'neutral', 'positive'],
  features: opts.features,
  lexicons,
  bias: model.bias.map((b) => Math.round(b * 1e6) / 1e6) as [number, number, number],
  temperature,
  quantScale: encoded.quantScale,
  index: encoded.index,
  weights: encoded.weights,
  training: {
    options: opts,
    trainRows: train.length,
    calibrationRows: calib.length,
    buckets: encoded.kept,
  },
}
writeFileSync(outPath, `${JSON.stringify(file)}\n`)
log(`wrote ${outPath} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
