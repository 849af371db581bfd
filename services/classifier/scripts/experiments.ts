import { baselines } from './baselines.ts'
import {
  isCalibration,
  isDev,
  LABELS,
  loadSentiment,
  SENTIMENT_SETS,
  type SentimentRow,
} from './data.ts'
import { CUES, loadVaderValence } from './lexicons.ts'
import { classReport } from './metrics.ts'
import { trainOptions } from './train-config.ts'
import {
  argmax3,
  domainOf,
  labelIndex,
  logitsOf,
  packRows,
  rowWeights,
  type TrainOptions,
  trainModel,
} from './train-lib.ts'

// Model-selection harness: leave-one-domain-out (train without a set, test on all of it) and the
// plain dev split. Usage: node experiments.ts [lodo|dev] [JSON overrides of trainOptions]

const [protocol = 'lodo', overrides = '{}'] = process.argv.slice(2)
const patch = JSON.parse(overrides) as Partial<TrainOptions>
const opts: TrainOptions = {
  ...trainOptions,
  ...patch,
  features: { ...trainOptions.features, ...patch.features },
}
const lexicons = { valence: loadVaderValence(), cues: CUES }
const all = loadSentiment()
const out = (s: string) => process.stdout.write(`${s}\n`)
const fmt = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3))

const run = (train: SentimentRow[], tests: Record<string, SentimentRow[]>) => {
  const packed = packRows(train, opts.features, lexicons, opts.truncateChars)
  const model = trainModel(
    packed,
    rowWeights(train, opts),
    opts,
    train.map((r) => domainOf(r.set, opts.domains)),
  )
  const res: Record<string, number> = {}
  for (const [name, rows] of Object.entries(tests)) {
    const p = packRows(rows, opts.features, lexicons)
    const logits = logitsOf(p, model)
    const pred = Array.from({ length: rows.length }, (_, r) => argmax3(logits, r))
    const rep = classReport(
      Array.from(rows, (r) => labelIndex(r.label)),
      pred,
    )
    res[name] = rep.macroF1
    out(
      `  ${name.padEnd(16)} n=${String(rep.n).padStart(6)} acc=${fmt(rep.accuracy)} macroF1=${fmt(rep.macroF1)} recall(neg/neu/pos)=${rep.recall.map(fmt).join('/')}`,
    )
  }
  return res
}

out(`options: ${JSON.stringify(patch)}`)
if (protocol === 'dev') {
  const train = all.filter((r) => !isDev(r.id) && !isCalibration(r.id))
  const tests: Record<string, SentimentRow[]> = {}
  for (const set of Object.keys(SENTIMENT_SETS))
    tests[set] = all.filter((r) => r.set === set && isDev(r.id))
  run(train, tests)
} else {
  const held = protocol === 'lodo' ? ['uber', 'tweeteval', 'food'] : protocol.split(',')
  const scores: number[] = []
  for (const set of held) {
    out(`without ${set}:`)
    const train = all.filter((r) => r.set !== set && !isDev(r.id) && !isCalibration(r.id))
    const tests: Record<string, SentimentRow[]> = { [set]: all.filter((x) => x.set === set) }
    if (set !== 'tweeteval')
      tests['tweeteval-dev'] = all.filter((x) => x.set === 'tweeteval' && isDev(x.id))
    const r = run(train, tests)
    for (const b of baselines) {
      const rows = tests[set] ?? []
      const rep = classReport(
        rows.map((x) => labelIndex(x.label)),
        rows.map((x) => b.label(b.score(x.text))),
      )
      out(
        `  ${set.padEnd(16)} ${b.name} (no training): macroF1=${fmt(rep.macroF1)} acc=${fmt(rep.accuracy)}`,
      )
    }
    scores.push(r[set] ?? 0)
    if (r['tweeteval-dev'] !== undefined) scores.push(r['tweeteval-dev'])
  }
  out(
    `mean of the macro-F1s above: ${fmt(scores.reduce((a, b) => a + b, 0) / scores.length)}  ${LABELS.join('/')}`,
  )
}
