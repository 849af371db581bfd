import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fnv1a32Utf8 } from '../src/domain/text.ts'

// Loads the labelled data in ../shared/data (beside the repo; CLOSELOOP_DATA_DIR overrides) and
// applies the data set's split rule: dev = fnv1a32("split:" + id) % 10 == 0, the rest is train.

export type Label = 'negative' | 'neutral' | 'positive'
export const LABELS: readonly Label[] = ['negative', 'neutral', 'positive']

export type SentimentRow = { id: string; text: string; label: Label; set: string }

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

export const dataDir = (): string => {
  const dir = process.env.CLOSELOOP_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data')
  if (!existsSync(dir))
    throw new Error(`training data not found at ${dir} (set CLOSELOOP_DATA_DIR)`)
  return dir
}

export const readJsonl = (file: string): Record<string, unknown>[] =>
  readFileSync(join(dataDir(), file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

export const isDev = (id: string): boolean => fnv1a32Utf8(`split:${id}`) % 10 === 0
// A second, disjoint slice of train used only to fit the temperature (never for reported figures).
export const isCalibration = (id: string): boolean => fnv1a32Utf8(`split:${id}`) % 10 === 1

/** Sentiment sets by short name; UCI has only negative/positive. */
export const SENTIMENT_SETS: Record<string, string[]> = {
  tweeteval: ['tweeteval_sentiment_test.jsonl', 'tweeteval_sentiment_validation.jsonl'],
  uci: ['uci_sentiment_labelled_sentences.jsonl'],
  food: ['food_delivery_app_reviews.jsonl'],
  uber: ['uber_app_reviews.jsonl'],
  bank: ['bank_app_reviews.jsonl'],
  pet: ['trustpilot_pet_insurance_reviews.jsonl'],
  clothing: ['womens_clothing_ecommerce_reviews.jsonl'],
}

export const loadSentiment = (sets: string[] = Object.keys(SENTIMENT_SETS)): SentimentRow[] => {
  const out: SentimentRow[] = []
  for (const set of sets) {
    for (const file of SENTIMENT_SETS[set] ?? []) {
      for (const r of readJsonl(file)) {
        const label = r.label
        if (typeof r.text !== 'string' || typeof r.id !== 'string') continue
        if (label !== 'negative' && label !== 'neutral' && label !== 'positive') continue
        out.push({ id: r.id, text: r.text, label, set })
      }
    }
  }
  return out
}

/**
 * A labelled file of your own: JSON lines with `text` and `label` (negative | neutral |
 * positive). Lines that are not JSON or lack either are counted in `skipped`, not read.
 */
export const loadLabelledFile = (
  path: string,
  set: string,
): { rows: SentimentRow[]; skipped: number } => {
  const rows: SentimentRow[] = []
  let skipped = 0
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return
      let r: { id?: unknown; text?: unknown; label?: unknown }
      try {
        r = JSON.parse(line) as typeof r
      } catch {
        skipped++
        return
      }
      const label = LABELS.find((x) => x === r?.label)
      if (typeof r?.text !== 'string' || label === undefined) {
        skipped++
        return
      }
      rows.push({ id: typeof r.id === 'string' ? r.id : `${set}-${i}`, text: r.text, label, set })
    })
  return { rows, skipped }
}

export type UrgencyRow = { id: string; text: string; urgency: number; course: string }

export const loadMooc = (): UrgencyRow[] =>
  readJsonl('mooc_forum_urgency.jsonl').map((r) => ({
    id: String(r.id),
    text: String(r.text),
    urgency: Number(r.urgency),
    course: String(r.course),
  }))

export type ComplaintRow = { id: string; text: string; product: string; issue: string }

export const loadCfpb = (): ComplaintRow[] =>
  readJsonl('cfpb_complaints_narratives.jsonl').map((r) => ({
    id: String(r.id),
    text: String(r.text),
    product: String(r.product),
    issue: String(r.issue),
  }))
