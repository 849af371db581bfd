import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fnv1a32Utf8 } from '../src/domain/text.ts'
import type { Label } from './data.ts'

// Builds the outside complaint-tweet slices the model card reports, from your own copies of two
// public sets (not in this repository: their licences were not checked here):
//   node services/classifier/scripts/outside-sets.ts apple Apple-Twitter-Sentiment-DFE.csv OUT
//   node services/classifier/scripts/outside-sets.ts sanders full-corpus.csv OUT
// Writes OUT/<set>-<slice>-<half>.jsonl for `./bin/closeloop evaluate`. Rows naming an airline
// are dropped (airline tweets are kept for a hidden evaluation); exact duplicate texts count once.

export type OutsideRow = { id: string; text: string; label: Label }

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

const AIRLINE_RE = /@(?:united|americanair|jetblue|southwestair|usairways|virginamerica)\b/i
const APPLE_LABELS: Record<string, Label> = { '1': 'negative', '3': 'neutral', '5': 'positive' }
const SANDERS_COLUMNS = ['Topic', 'Sentiment', 'TweetId', 'TweetDate', 'TweetText']

const keepOnce = (rows: OutsideRow[]): OutsideRow[] => {
  const seen = new Set<string>()
  return rows.filter((r) => !AIRLINE_RE.test(r.text) && !seen.has(r.text) && seen.add(r.text))
}

/** CrowdFlower "Apple Twitter sentiment": 1/3/5 → negative/neutral/positive, not_relevant out. */
export const readApple = (csv: string): OutsideRow[] => {
  const [header = [], ...rows] = parseCsv(csv)
  const col = (name: string) => header.indexOf(name)
  const [id, sentiment, text] = [col('_unit_id'), col('sentiment'), col('text')]
  return keepOnce(
    rows.flatMap((r) => {
      const label = APPLE_LABELS[(r[sentiment] ?? '').trim()]
      return label === undefined
        ? []
        : [{ id: `apple-${(r[id] ?? '').trim()}`, text: r[text] ?? '', label }]
    }),
  )
}

/** Sanders corpus, with or without its header row; `irrelevant` out. */
export const readSanders = (csv: string): OutsideRow[] => {
  const all = parseCsv(csv)
  const hasHeader = all[0]?.[0] === 'Topic'
  const header = hasHeader ? (all[0] as string[]) : SANDERS_COLUMNS
  const col = (name: string) => header.indexOf(name)
  const [id, sentiment, text] = [col('TweetId'), col('Sentiment'), col('TweetText')]
  return keepOnce(
    all.slice(hasHeader ? 1 : 0).flatMap((r) => {
      const label = (r[sentiment] ?? '').trim().toLowerCase()
      if (label !== 'negative' && label !== 'neutral' && label !== 'positive') return []
      return [{ id: `sanders-${(r[id] ?? '').trim()}`, text: r[text] ?? '', label }]
    }),
  )
}

const mentions = (text: string) => (text.match(/@\w+/g) ?? []).map((m) => m.toLowerCase())
const retweet = (text: string) => /^rt\b/i.test(text)

/** A customer writing to the company: the nearest thing here to complaint tweets. */
export const SLICES: Record<string, Record<string, (r: OutsideRow) => boolean>> = {
  apple: {
    all: () => true,
    // Only @apple mentioned, no stock tickers, no retweet.
    direct: (r) => {
      const m = mentions(r.text)
      return (
        m.length > 0 &&
        m.every((x) => x === '@apple') &&
        !/\$aapl|#aapl/i.test(r.text) &&
        !r.text.startsWith('RT ')
      )
    },
  },
  sanders: {
    all: () => true,
    // The first mention is the company, and it is no retweet.
    directed: (r) =>
      ['@apple', '@google', '@microsoft'].includes(mentions(r.text)[0] ?? '') && !retweet(r.text),
  },
}

/** Tune half (errors may be read there) or held-out half (only scored). */
export const halfOf = (id: string): 'tune' | 'held' =>
  fnv1a32Utf8(`half:${id}`) % 2 === 0 ? 'tune' : 'held'

const main = () => {
  const [set = '', file = '', outDir = ''] = process.argv.slice(2)
  const read = set === 'apple' ? readApple : set === 'sanders' ? readSanders : undefined
  const slices = SLICES[set]
  if (read === undefined || slices === undefined || file === '' || outDir === '') {
    process.stderr.write('usage: outside-sets.ts apple|sanders FILE.csv OUT_DIR\n')
    process.exitCode = 2
    return
  }
  const rows = read(readFileSync(file, 'utf8'))
  mkdirSync(outDir, { recursive: true })
  for (const [slice, keep] of Object.entries(slices)) {
    for (const half of ['tune', 'held'] as const) {
      const picked = rows.filter((r) => keep(r) && halfOf(r.id) === half)
      const path = join(outDir, `${set}-${slice}-${half}.jsonl`)
      writeFileSync(path, picked.map((r) => `${JSON.stringify(r)}\n`).join(''))
      process.stdout.write(`${path}: ${picked.length} rows\n`)
    }
  }
}

if (import.meta.main) main()
