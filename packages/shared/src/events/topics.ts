import type { z } from 'zod'
import { FeedbackClassified } from './feedback-classified.ts'
import { FeedbackReceived } from './feedback-received.ts'
import { FollowupEvent, FollowupState } from './followup-events.ts'

export type TopicSpec = {
  name: string
  // CloudEvents `type` of every event on the topic (followup.events.v1 adds the kind).
  ceType: string
  schema: z.ZodType
  partitions: number
  // Milliseconds; -1 keeps forever.
  retentionMs: number
  compacted: boolean
  // Consumed topics get `<name>.dlq` for messages that can never be processed.
  dlq: boolean
}

const week = 7 * 24 * 3600 * 1000

/** Every topic closeloop uses, declared once; `ensureTopics` creates them idempotently. */
export const topics = {
  feedbackReceived: {
    name: 'feedback.received.v1',
    ceType: 'closeloop.feedback.received.v1',
    schema: FeedbackReceived,
    partitions: 6,
    retentionMs: 4 * week,
    compacted: false,
    dlq: true,
  },
  feedbackClassified: {
    name: 'feedback.classified.v1',
    ceType: 'closeloop.feedback.classified.v1',
    schema: FeedbackClassified,
    partitions: 6,
    // The classifier rebuilds 30 days of per-customer history from this topic at start.
    retentionMs: 5 * week,
    compacted: false,
    dlq: true,
  },
  followupEvents: {
    name: 'followup.events.v1',
    ceType: 'closeloop.followup',
    schema: FollowupEvent,
    partitions: 6,
    retentionMs: 4 * week,
    compacted: false,
    dlq: true,
  },
  // Co-partitioned with feedback.classified.v1 (same key, same count): the state store's log.
  followupState: {
    name: 'followup.state.v1',
    ceType: 'closeloop.followup.state.v1',
    schema: FollowupState,
    partitions: 6,
    retentionMs: -1,
    compacted: true,
    dlq: true,
  },
} as const satisfies Record<string, TopicSpec>

export type TopicKey = keyof typeof topics

export const dlqName = (topic: string): string => `${topic}.dlq`

/** CloudEvents type for a follow-up event of a kind, e.g. closeloop.followup.opened.v1 */
export const followupCeType = (kind: string): string => `closeloop.followup.${kind}.v1`
