import { defaultRules } from '../src/domain/default-rules.ts'
import { createSentimentCueScorer } from '../src/domain/sentiment-cues.ts'
import { normaliseText, tokenize } from '../src/domain/text.ts'
import { baselines } from './baselines.ts'
import {
  isCalibration,
  isDev,
  loadLabelledFile,
  loadSentiment,
  SENTIMENT_SETS,
  type SentimentRow,
} from './data.ts'
import { CUES, loadValence } from './lexicons.ts'
import { classReport } from './metrics.ts'
import { foldOf, isServiceTweet, PROXY_SLICES } from './proxies.ts'
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

// Model-selection harness. Usage: node experiments.ts PROTOCOL [JSON overrides of trainOptions]
//   cv    5-fold cross-validation over the train side (dev rows never used): out-of-fold
//         macro-F1 on every proxy slice. This is what settings are chosen on.
//   lodo  leave-one-domain-out: train without a set (dev rows excluded), test on all of it.
//         `lodo:tweeteval,uber` limits the held-out sets.
//   dev   train as train.ts does, score the dev split per set and per proxy slice (report only).
// A third argument `nocues` scores the model alone, without the rules' sentiment cues;
// `CODE=0.5,CODE2=0` scales the named cues' shifts (0 disables) to compare settings.
// The rules' class prior is applied too, unless NOPRIOR=1.

const [protocol = 'cv', overrides = '{}', cueArg = ''] = process.argv.slice(2)
const cueScale = new Map(
  cueArg
    .split(',')
    .filter((x) => x.includes('='))
    .map((x) => [x.split('=')[0] as string, Number(x.split('=')[1])] as const),
)
const scoreCues =
  cueArg === 'nocues'
    ? null
    : createSentimentCueScorer({
        ...defaultRules.sentiment,
        cues: (defaultRules.sentiment.cues ?? [])
          .map((c) => {
            const k = cueScale.get(c.code) ?? 1
            const sh = c.shift
            return {
              ...c,
              shift: {
                negative: (sh.negative ?? 0) * k,
                neutral: (sh.neutral ?? 0) * k,
                positive: (sh.positive ?? 0) * k,
              },
            }
          })
          .filter((c) => cueScale.get(c.code) !== 0),
      })
// The shipped model divides logits by a fitted temperature (≈ 0.86) before the cues' shifts are
// added; the harness works on raw logits, so shifts are scaled by the same typical value.
const TEMPERATURE = 0.86
// Per cue: rows it fired on, their gold labels, and correct verdicts without and with the cues.
const cueStats = new Map<string, { n: number; gold: number[]; before: number; after: number }>()
const patch = JSON.parse(overrides) as Partial<TrainOptions>
const opts: TrainOptions = {
  ...trainOptions,
  ...patch,
  features: { ...trainOptions.features, ...patch.features },
}
const lexicons = { valence: loadValence(), cues: CUES }
const all = loadSentiment()
const out = (s: string) => process.stdout.write(`${s}\n`)
const fmt = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3))

/** Trains on `train` and returns predicted labels for `test` (0 neg, 1 neu, 2 pos). */
const trainAndPredict = (train: SentimentRow[], test: SentimentRow[]): Uint8Array => {
  const packed = packRows(train, opts.features, lexicons, opts.truncateChars)
  const model = trainModel(
    packed,
    rowWeights(train, opts),
    opts,
    train.map((r) => domainOf(r.set, opts.domains)),
  )
  const logits = logitsOf(packRows(test, opts.features, lexicons), model)
  // The rules' class prior applies to every text, as in classify() (NOPRIOR=1 leaves it out).
  const prior = process.env.NOPRIOR === '1' ? undefined : defaultRules.sentiment.classPrior
  const priorShift = [prior?.negative ?? 0, prior?.neutral ?? 0, prior?.positive ?? 0]
  for (let i = 0; i < logits.length; i++) {
    logits[i] = (logits[i] as number) + (priorShift[i % 3] as number) * TEMPERATURE
  }
  return Uint8Array.from({ length: test.length }, (_, r) => {
    const before = argmax3(logits, r)
    const row = test[r] as SentimentRow
    const cue = scoreCues?.(tokenize(normaliseText(row.text)))
    if (cue == null) return before
    for (let c = 0; c < 3; c++) {
      logits[r * 3 + c] = (logits[r * 3 + c] as number) + (cue.shift[c] ?? 0) * TEMPERATURE
    }
    const after = argmax3(logits, r)
    const gold = labelIndex(row.label)
    const kind = row.set === 'tweeteval' ? 'tweets' : row.set.startsWith('file:') ? 'file' : 'other'
    const codes = cue.fired.map((f) => f.code)
    for (const code of [...codes, ...codes.map((c) => `${c}/${kind}`)]) {
      const s = cueStats.get(code) ?? { n: 0, gold: [0, 0, 0], before: 0, after: 0 }
      s.n++
      s.gold[gold] = (s.gold[gold] ?? 0) + 1
      if (before === gold) s.before++
      if (after === gold) s.after++
      cueStats.set(code, s)
    }
    return after
  })
}

const line = (name: string, rows: SentimentRow[], pred: ArrayLike<number>) => {
  const rep = classReport(
    rows.map((r) => labelIndex(r.label)),
    pred,
  )
  out(
    `  ${name.padEnd(16)} n=${String(rep.n).padStart(6)} acc=${fmt(rep.accuracy)} macroF1=${fmt(rep.macroF1)} recall(neg/neu/pos)=${rep.recall.map(fmt).join('/')}`,
  )
  return rep.macroF1
}

const slices = (rows: SentimentRow[], pred: Uint8Array) => {
  const res: Record<string, number> = {}
  for (const [name, keep] of Object.entries(PROXY_SLICES)) {
    const idx = rows.flatMap((r, i) => (keep(r) ? [i] : []))
    res[name] = line(
      name,
      idx.map((i) => rows[i] as SentimentRow),
      idx.map((i) => pred[i] as number),
    )
  }
  return res
}

out(`options: ${JSON.stringify(patch)}`)
const started = Date.now()
if (protocol === 'cv') {
  const K = 5
  const side = all.filter((r) => !isDev(r.id))
  const pred = new Uint8Array(side.length)
  for (let k = 0; k < K; k++) {
    const inFold = side.map((r) => foldOf(r.id, K) === k)
    const test = side.filter((_, i) => inFold[i])
    const p = trainAndPredict(
      side.filter((_, i) => !inFold[i]),
      test,
    )
    let j = 0
    side.forEach((_, i) => {
      if (inFold[i]) pred[i] = p[j++] as number
    })
  }
  out(`${K}-fold out-of-fold on the train side (${side.length} rows):`)
  for (const set of Object.keys(SENTIMENT_SETS)) {
    const idx = side.flatMap((r, i) => (r.set === set ? [i] : []))
    line(
      set,
      idx.map((i) => side[i] as SentimentRow),
      idx.map((i) => pred[i] as number),
    )
  }
  const r = slices(side, pred)
  if (process.env.LEXICONS === '1') {
    for (const b of baselines) {
      const p = Uint8Array.from(side, (x) => b.label(b.score(x.text)))
      out(`${b.name} on the same rows (no training):`)
      slices(side, p)
    }
  }
  out(
    `CV ${Object.entries(r)
      .map(([k, v]) => `${k}=${fmt(v)}`)
      .join(' ')}`,
  )
} else if (protocol === 'dev') {
  const train = all.filter((r) => !isDev(r.id) && !isCalibration(r.id))
  const dev = all.filter((r) => isDev(r.id))
  // EXTRA_EVAL=a.jsonl,b.jsonl scores labelled files of your own too (text + label per line).
  const extra = (process.env.EXTRA_EVAL ?? '').split(',').filter((f) => f !== '')
  const extraRows = extra.map((f) => loadLabelledFile(f, `file:${f}`).rows)
  const pred = trainAndPredict(train, [...dev, ...extraRows.flat()])
  let at = dev.length
  extra.forEach((f, k) => {
    const rows = extraRows[k] ?? []
    line(f.split('/').pop() ?? f, rows, pred.subarray(at, at + rows.length))
    at += rows.length
  })
  for (const set of Object.keys(SENTIMENT_SETS)) {
    const idx = dev.flatMap((r, i) => (r.set === set ? [i] : []))
    line(
      set,
      idx.map((i) => dev[i] as SentimentRow),
      idx.map((i) => pred[i] as number),
    )
  }
  slices(dev, pred)
} else if (protocol.startsWith('lodo')) {
  const held = protocol.includes(':')
    ? (protocol.split(':')[1] ?? '').split(',')
    : Object.keys(SENTIMENT_SETS)
  const summary: string[] = []
  for (const set of held) {
    out(`without ${set}:`)
    const train = all.filter((r) => r.set !== set && !isDev(r.id) && !isCalibration(r.id))
    const test = all.filter((x) => x.set === set)
    const pred = trainAndPredict(train, test)
    const f = line(set, test, pred)
    const nonDev = test.flatMap((r, i) => (isDev(r.id) ? [] : [i]))
    const fNonDev = line(
      `${set} non-dev`,
      nonDev.map((i) => test[i] as SentimentRow),
      nonDev.map((i) => pred[i] as number),
    )
    if (set === 'tweeteval') {
      const svc = test.flatMap((r, i) => (isServiceTweet(r) ? [i] : []))
      line(
        'service tweets',
        svc.map((i) => test[i] as SentimentRow),
        svc.map((i) => pred[i] as number),
      )
    }
    const lex: string[] = []
    for (const b of baselines) {
      const rep = classReport(
        test.map((x) => labelIndex(x.label)),
        test.map((x) => b.label(b.score(x.text))),
      )
      lex.push(`${b.name}=${fmt(rep.macroF1)}`)
      if (set === 'tweeteval') {
        const svc = test.filter(isServiceTweet)
        const s = classReport(
          svc.map((x) => labelIndex(x.label)),
          svc.map((x) => b.label(b.score(x.text))),
        )
        lex.push(`(service tweets ${fmt(s.macroF1)})`)
      }
    }
    out(`  lexicons on ${set}: ${lex.join(' ')}`)
    summary.push(`${set}=${fmt(f)}(${fmt(fNonDev)})`)
  }
  out(`LODO ${summary.join(' ')}`)
} else {
  throw new Error(`unknown protocol ${protocol}`)
}
for (const [code, s] of cueStats) {
  out(
    `cue ${code.padEnd(24)} fired ${String(s.n).padStart(5)} gold neg/neu/pos ${s.gold.join('/')} correct ${s.before} → ${s.after}`,
  )
}
out(`(${((Date.now() - started) / 1000).toFixed(0)} s)`)
