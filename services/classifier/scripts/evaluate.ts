import type { Classifier } from '../src/domain/classify.ts'
import { loadDefaultClassifier } from '../src/model-loader.ts'
import { type Baseline, baselines } from './baselines.ts'
import { topicForCfpbIssue } from './cfpb-mapping.ts'
import {
  isDev,
  loadCfpb,
  loadMooc,
  loadSentiment,
  SENTIMENT_SETS,
  type SentimentRow,
} from './data.ts'
import { auc, classReport, ece, spearman } from './metrics.ts'
import { isServiceTweet, isShortReview } from './proxies.ts'
import { labelIndex } from './train-lib.ts'

// Prints the evaluation on the dev splits (fnv1a32("split:" + id) % 10 == 0) for the committed
// model, run through the full classify() path, and for the npm lexicon baselines on the same rows.
// Usage: node services/classifier/scripts/evaluate.ts

const out = (s = '') => process.stdout.write(`${s}\n`)
const f3 = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3))
const classifier: Classifier = loadDefaultClassifier()
const LABEL_ID = { negative: 0, neutral: 1, positive: 2 } as const

type System = { name: string; predict(text: string): { label: number; score: number } }
const ours: System = {
  name: `closeloop ${classifier.model.version}`,
  predict: (text) => {
    const c = classifier.classify({ text, channel: 'web' })
    return { label: LABEL_ID[c.sentiment.label], score: c.sentiment.score }
  },
}
const fromBaseline = (b: Baseline): System => ({
  name: b.name,
  predict: (text) => {
    const score = b.score(text)
    return { label: b.label(score), score }
  },
})
const systems = [ours, ...baselines.map(fromBaseline)]

const sentimentRow = (set: string, sys: System, rows: SentimentRow[]) => {
  const gold = rows.map((r) => labelIndex(r.label))
  const pred = rows.map((r) => sys.predict(r.text).label)
  const rep = classReport(gold, pred)
  out(
    `| ${set.padEnd(10)} | ${String(rep.n).padStart(5)} | ${sys.name.padEnd(17)} | ${f3(rep.accuracy)} | ${f3(rep.macroF1)} | ${rep.recall.map(f3).join(' / ')} |`,
  )
}

out('## Sentiment (dev split)')
out('| set        |     n | system            | acc   | macF1 | recall neg / neu / pos |')
out('|------------|-------|-------------------|-------|-------|------------------------|')
const all = loadSentiment()
const dev = all.filter((r) => isDev(r.id))
for (const set of [...Object.keys(SENTIMENT_SETS), 'pooled']) {
  const rows = set === 'pooled' ? dev : dev.filter((r) => r.set === set)
  for (const sys of systems) sentimentRow(set, sys, rows)
}
const tweetLike = dev.filter((r) => r.text.length <= 140 && r.set !== 'uci')
for (const sys of systems) sentimentRow('≤140 chars', sys, tweetLike)
// Proxies for short service complaints (see proxies.ts): review texts of tweet length, and
// TweetEval test-split tweets that mention a company, a service or a service event.
for (const sys of systems) sentimentRow('short rev.', sys, dev.filter(isShortReview))
for (const sys of systems) sentimentRow('svc tweets', sys, dev.filter(isServiceTweet))

// Calibration and the unsupported-language share of our verdicts on the pooled dev rows.
const verdicts = dev.map((r) => classifier.classify({ text: r.text, channel: 'web' }))
const conf = verdicts.map((v) => v.sentiment.confidence)
const correct = verdicts.map((v, i) => v.sentiment.label === dev[i]?.label)
const unsupported = verdicts.filter((v) => !v.language.supported).length
out()
out(`closeloop confidence ECE (10 bins, pooled dev): ${f3(ece(conf, correct))}`)
out(`marked unsupported language (not scored, needsHuman): ${unsupported} of ${dev.length}`)

out()
out('## Urgency (MOOC forum posts, dev split; urgent = coded urgency > 4)')
out('| system            |   n | Spearman | AUC urgent |')
out('|-------------------|-----|----------|------------|')
const mooc = loadMooc().filter((r) => isDev(r.id))
const gold = mooc.map((r) => r.urgency)
const urgent = mooc.map((r) => r.urgency > 4)
const ourUrgency = mooc.map((r) => classifier.classify({ text: r.text, channel: 'web' }).urgency)
const ourScores = ourUrgency.map((u) => u.score)
out(
  `| ${ours.name.padEnd(17)} | ${mooc.length} | ${f3(spearman(ourScores, gold))}    | ${f3(auc(ourScores, urgent))}      |`,
)
for (const b of baselines) {
  // A lexicon has no urgency: its negativity is the closest thing it offers.
  const s = mooc.map((r) => -b.score(r.text))
  out(
    `| ${b.name.padEnd(17)} | ${mooc.length} | ${f3(spearman(s, gold))}    | ${f3(auc(s, urgent))}      |`,
  )
}
const flagged = ourUrgency.map((u) => u.level === 'high' || u.level === 'critical')
const tp = flagged.filter((f, i) => f && urgent[i]).length
const nf = flagged.filter(Boolean).length
const nu = urgent.filter(Boolean).length
out(
  `closeloop level ≥ high: precision ${f3(nf > 0 ? tp / nf : 0)}, recall ${f3(nu > 0 ? tp / nu : 0)} (${nf} flagged, ${nu} urgent)`,
)

out()
out('## Topics (CFPB narratives, dev split; issue mapped onto our taxonomy, see cfpb-mapping.ts)')
const cfpb = loadCfpb().filter((r) => isDev(r.id))
const mapped = cfpb.flatMap((r) => {
  const topic = topicForCfpbIssue(r.issue)
  return topic === undefined ? [] : [{ ...r, topic }]
})
let top1 = 0
let any = 0
let none = 0
const perTopic = new Map<string, { n: number; top1: number }>()
for (const r of mapped) {
  const topics = classifier.classify({ text: r.text, channel: 'web' }).topics
  const t = perTopic.get(r.topic) ?? { n: 0, top1: 0 }
  t.n++
  if (topics.length === 0) none++
  if (topics[0]?.name === r.topic) {
    top1++
    t.top1++
  }
  if (topics.some((x) => x.name === r.topic)) any++
  perTopic.set(r.topic, t)
}
out(
  `coverage: ${mapped.length} of ${cfpb.length} dev complaints have an issue that maps to a topic`,
)
out(
  `closeloop top-1 accuracy ${f3(top1 / mapped.length)}, gold among predicted topics ${f3(any / mapped.length)}, no topic ${f3(none / mapped.length)}`,
)
for (const [name, t] of [...perTopic].sort((a, b) => b[1].n - a[1].n)) {
  out(`  ${name.padEnd(18)} n=${String(t.n).padStart(4)} top-1 ${f3(t.top1 / t.n)}`)
}
out('lexicon baselines: no topic output (n/a)')
