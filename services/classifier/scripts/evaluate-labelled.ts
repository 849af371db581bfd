import { loadDefaultClassifier } from '../src/model-loader.ts'
import { baselines } from './baselines.ts'
import { LABELS, loadLabelledFile } from './data.ts'
import { classReport } from './metrics.ts'

// Sentiment figures on labelled data of your own, beside the npm lexicons, through the same
// classify() path the service uses. Each file is JSON lines with `text` and `label`
// (negative | neutral | positive); other fields are ignored, unreadable lines are counted.
// Usage: ./bin/closeloop evaluate FILE.jsonl [FILE.jsonl …]

const out = (s = '') => process.stdout.write(`${s}\n`)
const f3 = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3))
const LABEL_ID = { negative: 0, neutral: 1, positive: 2 } as const

const evaluate = (files: string[]) => {
  const classifier = loadDefaultClassifier()
  const systems: { name: string; predict(text: string): number }[] = [
    {
      name: `closeloop ${classifier.model.version}`,
      predict: (text) => LABEL_ID[classifier.classify({ text, channel: 'social' }).sentiment.label],
    },
    ...baselines.map((b) => ({ name: b.name, predict: (text: string) => b.label(b.score(text)) })),
  ]
  for (const file of files) {
    const { rows, skipped } = loadLabelledFile(file, 'file')
    const skippedNote = skipped === 0 ? '' : `; skipped ${skipped} lines without text and label`
    if (rows.length === 0) {
      process.stderr.write(`${file}: no line with a text and a label (negative|neutral|positive)\n`)
      process.exitCode = 1
      continue
    }
    const counts = LABELS.map((l) => rows.filter((r) => r.label === l).length).join(' / ')
    out(`## ${file}: ${rows.length} rows (negative / neutral / positive ${counts})${skippedNote}`)
    out('| system            | acc   | macF1 | F1 neg / neu / pos    | recall neg / neu / pos |')
    out('|-------------------|-------|-------|-----------------------|------------------------|')
    const gold = rows.map((r) => LABEL_ID[r.label])
    for (const sys of systems) {
      const rep = classReport(
        gold,
        rows.map((r) => sys.predict(r.text)),
      )
      out(
        `| ${sys.name.padEnd(17)} | ${f3(rep.accuracy)} | ${f3(rep.macroF1)} | ${rep.f1.map(f3).join(' / ')} | ${rep.recall.map(f3).join(' / ')} |`,
      )
    }
    out()
  }
}

const files = process.argv.slice(2)
if (files.length === 0) {
  process.stderr.write('usage: closeloop evaluate FILE.jsonl [FILE.jsonl …]\n')
  process.exitCode = 2
} else evaluate(files)
