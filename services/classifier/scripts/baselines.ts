import { createRequire } from 'node:module'

// The npm lexicon scorers we compare against, each reduced to a signed score and a 3-way label
// with the thresholds their authors document (VADER: compound ±0.05; AFINN-based: sign).

const require = createRequire(import.meta.url)

type VaderModule = {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } }
}
type SentimentCtor = new () => { analyze(text: string): { score: number; comparative: number } }
type WinkFn = (text: string) => { score: number; normalizedScore: number }

const vader = require('vader-sentiment') as VaderModule
const Sentiment = require('sentiment') as SentimentCtor
const wink = require('wink-sentiment') as WinkFn
const afinn = new Sentiment()

export type Baseline = {
  name: string
  // Signed polarity (higher = more positive).
  score(text: string): number
  // 0 negative, 1 neutral, 2 positive.
  label(score: number): number
}

const bySign = (s: number) => (s > 0 ? 2 : s < 0 ? 0 : 1)

export const baselines: Baseline[] = [
  {
    name: 'vader-sentiment',
    score: (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound,
    label: (s) => (s >= 0.05 ? 2 : s <= -0.05 ? 0 : 1),
  },
  { name: 'sentiment', score: (t) => afinn.analyze(t).score, label: bySign },
  { name: 'wink-sentiment', score: (t) => wink(t).normalizedScore, label: bySign },
]
