import { z } from 'zod'
import { IsoDateTime, SentimentLabel, UrgencyLevel } from './common.ts'
import { FeedbackReceived } from './feedback-received.ts'

/** One reason behind a verdict, e.g. { code: 'CHURN_INTENT', detail: 'cancel', weight: 3 }. */
export const Reason = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  detail: z.string().max(200).optional(),
  weight: z.number(),
})
export type Reason = z.infer<typeof Reason>

export const Sentiment = z.object({
  label: SentimentLabel,
  // -1 most negative … 1 most positive.
  score: z.number().min(-1).max(1),
  // Probability the label is right, 0…1.
  confidence: z.number().min(0).max(1),
  // What chose the label, strongest first: the words the model weighed most for it (TERM), cue
  // rules that fired (their code) and the class prior when it changed the label (CLASS_PRIOR).
  // weight is log-odds for the label. Absent when the text was not scored.
  reasons: z.array(Reason).max(10).optional(),
})
export type Sentiment = z.infer<typeof Sentiment>

/** One reason that raised or lowered urgency. */
export const UrgencyReason = Reason
export type UrgencyReason = Reason

export const Urgency = z.object({
  level: UrgencyLevel,
  // The summed weights that chose the level.
  score: z.number(),
  reasons: z.array(UrgencyReason),
})
export type Urgency = z.infer<typeof Urgency>

export const TopicScore = z.object({
  name: z.string().min(1).max(100),
  score: z.number().min(0).max(1),
  // The taxonomy keywords found in the text.
  keywords: z.array(z.string().max(200)).max(10).optional(),
})
export type TopicScore = z.infer<typeof TopicScore>

export const Language = z.object({
  // ISO 639-1 code, or 'und' when it cannot be told.
  code: z.string().min(2).max(8),
  supported: z.boolean(),
  confidence: z.number().min(0).max(1),
})
export type Language = z.infer<typeof Language>

/** The classifier's verdict on one feedback item, carrying the item so followup needs no lookup. */
export const FeedbackClassified = z.object({
  feedbackId: z.uuid(),
  tenantId: z.string(),
  customerKey: z.string(),
  classifiedAt: IsoDateTime,
  sentiment: Sentiment,
  urgency: Urgency,
  topics: z.array(TopicScore),
  language: Language,
  // True when a person must read it: unsupported language, or the model could not decide.
  needsHuman: z.boolean(),
  // True when someone must contact the customer (complaint, negative, urgent or asked for).
  needsContact: z.boolean(),
  model: z.object({ name: z.string(), version: z.string() }),
  rulesVersion: z.string(),
  // Set when an operator reclassified stored feedback: analytics keeps it, followup ignores it.
  reclassification: z.boolean().optional(),
  feedback: FeedbackReceived,
})
export type FeedbackClassified = z.infer<typeof FeedbackClassified>
