import { createRequire } from 'node:module'
import { isDev, loadSentiment } from '../services/classifier/scripts/data.ts'
import type { ClassifyInput } from '../services/classifier/src/domain/classify.ts'
import { loadDefaultClassifier } from '../services/classifier/src/model-loader.ts'

// Throughput of the pure classify() function, single-threaded, on the real dev texts, printed
// next to ceilings measured in the same run over the same messages: a trivial loop
// (JSON.parse + toLowerCase + split) and the vader-sentiment lexicon. Not a pass/fail test.
// Usage: node bench/classify-function.bench.ts [seconds per measurement, default 3]

const require = createRequire(import.meta.url)
const vader = require('../services/classifier/node_modules/vader-sentiment') as {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } }
}

const seconds = Number(process.argv[2] ?? 3)
const rows = loadSentiment().filter((r) => isDev(r.id))
const lines = rows.map((r) => JSON.stringify({ text: r.text, channel: 'web' }))
const inputs: ClassifyInput[] = rows.map((r) => ({ text: r.text, channel: 'web' }))
const classifier = loadDefaultClassifier()
const meanChars = Math.round(rows.reduce((s, r) => s + r.text.length, 0) / rows.length)

let sink = 0
const measure = (name: string, fn: (i: number) => void): number => {
  // Warm up so the JIT has compiled the hot paths before timing.
  for (let i = 0; i < Math.min(2000, inputs.length); i++) fn(i)
  let n = 0
  const start = process.hrtime.bigint()
  const budget = BigInt(Math.round(seconds * 1e9))
  while (process.hrtime.bigint() - start < budget) {
    for (let k = 0; k < 500; k++) fn(n++ % inputs.length)
  }
  const rate = n / (Number(process.hrtime.bigint() - start) / 1e9)
  process.stdout.write(
    `${name.padEnd(44)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} msg/s\n`,
  )
  return rate
}

process.stdout.write(
  `${inputs.length} dev messages (mean ${meanChars} chars), ${seconds} s per measurement, node ${process.version}\n`,
)
const ceiling = measure('ceiling: JSON.parse + toLowerCase + split', (i) => {
  const item = JSON.parse(lines[i] as string) as { text: string }
  sink += item.text.toLowerCase().split(/\s+/).length
})
const lexicon = measure('vader-sentiment polarity_scores', (i) => {
  sink += vader.SentimentIntensityAnalyzer.polarity_scores(
    (inputs[i] as ClassifyInput).text,
  ).compound
})
const ours = measure('closeloop classify()', (i) => {
  sink += classifier.classify(inputs[i] as ClassifyInput).sentiment.score
})
process.stdout.write(
  `classify() = ${(ours / ceiling).toFixed(3)} × the trivial-loop ceiling, ${(ours / lexicon).toFixed(2)} × vader-sentiment (sink ${sink > 0 ? '+' : '-'})\n`,
)
