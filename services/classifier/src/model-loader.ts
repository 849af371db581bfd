import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Classifier, createClassifier } from './domain/classify.ts'
import { defaultRules } from './domain/default-rules.ts'
import type { ClassifierRules } from './domain/rules.ts'
import {
  createSentimentModel,
  type SentimentModel,
  SentimentModelFile,
} from './domain/sentiment-model.ts'

/** Where the committed weights live: services/classifier/model/sentiment.json. */
export const defaultModelPath = fileURLToPath(new URL('../model/sentiment.json', import.meta.url))

/** Reads and validates a model file; throws if it does not match the schema. */
export const loadSentimentModel = (path: string = defaultModelPath): SentimentModel => {
  const file = SentimentModelFile.parse(JSON.parse(readFileSync(path, 'utf8')))
  return createSentimentModel(file)
}

/** The committed model with the default rules (or the given, already merged, rules). */
export const loadDefaultClassifier = (
  options: { rules?: ClassifierRules; modelPath?: string; clock?: { now(): Date } } = {},
): Classifier =>
  createClassifier({
    model: loadSentimentModel(options.modelPath),
    rules: options.rules ?? defaultRules,
    clock: options.clock,
  })
