import { existsSync } from 'node:fs'
import type { ClassifierRules } from '../src/domain/rules.ts'
import { loadDefaultClassifier } from '../src/model-loader.ts'
import { baselines } from './baselines.ts'
import { LABELS, loadLabelledFile } from './data.ts'
import { classReport } from './metrics.ts'
import { takeRulesOption } from './rules-option.ts'

// Sentiment figures on labelled data of your own, beside the npm lexicons, through the same
// classify() path the service uses. Each file is JSON lines with `text` and `label`
// (negative | neutral | positive); other fields are ignored, unreadable lines are counted.
// Usage: ./bin/closeloop evaluate [--rules FILE.json] FILE.jsonl [FILE.jsonl …]

const out = (s = '') => process.stdout.write(`${s}\n`)
const f3 = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3))
const LABEL_ID = { negative: 0, neutral: 1, positive: 2 } as const

const evaluate = (files: string[], rules: ClassifierRules) => {
  const classifier = loadDefaultClassifier({ rules })
  out(`model ${classifier.model.name} ${classifier.model.version}, rules ${rules.version}`)
  out()
  const systems: { name: string; predict(text: string): number }[] = [
    {
      name: `closeloop ${classifier.model.version}`,
      predict: (text) => LABEL_ID[classifier.classify({ text, channel: 'social' }).sentiment.label],
    },
    ...baselines.map((b) => ({ name: b.name, predict: (text: string) => b.label(b.score(text)) })),
  ]
  for (const file of files) {
    if (!existsSync(file)) {
      process.stderr.write(`${file}: no such file\n`)
      process.exitCode = 1
      continue
    }
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

const usage = `usage: closeloop evaluate [--rules FILE.json] FILE.jsonl [FILE.jsonl …]
  Each FILE has one {"text": "...", "label": "negative|neutral|positive"} per line.
  --rules FILE.json  rule overrides, as a tenant's "classifierRules" in the tenants file
`
const args = process.argv.slice(2)
const option = takeRulesOption(args)
if (args.includes('--help') || args.includes('-h')) process.stderr.write(usage)
else if (!option.ok) {
  process.stderr.write(`closeloop evaluate: ${option.message}\n`)
  process.exitCode = 2
} else if (option.rest.length === 0 || option.rest.some((a) => a.startsWith('-'))) {
  const flag = option.rest.find((a) => a.startsWith('-'))
  if (flag !== undefined) process.stderr.write(`closeloop evaluate: unknown option ${flag}\n`)
  process.stderr.write(usage)
  process.exitCode = 2
} else evaluate(option.rest, option.rules)
