import type { ClickHouseClient } from '@closeloop/shared/clickhouse'
import { AppError } from '@closeloop/shared/errors'
import type {
  FeedbackClassified,
  FeedbackReceived,
  FollowupEvent,
  FollowupState,
} from '@closeloop/shared/events'
import { topics } from '@closeloop/shared/events'
import type { BatchRange, Inbound, Sink } from '@closeloop/shared/kafka'
import { classificationRow, feedbackRow, followupEventRow, followupStateRow } from './rows.ts'

const tableOf: Record<string, string> = {
  [topics.feedbackReceived.name]: 'feedback',
  [topics.feedbackClassified.name]: 'classifications',
  [topics.followupEvents.name]: 'followup_events',
  [topics.followupState.name]: 'followup_state',
}

const toRow = (m: Inbound): Record<string, unknown> => {
  switch (m.topic.name) {
    case topics.feedbackReceived.name:
      return feedbackRow(m.event.data as FeedbackReceived, m)
    case topics.feedbackClassified.name:
      return classificationRow(m.event.data as FeedbackClassified, m.event.id)
    case topics.followupEvents.name:
      return followupEventRow(m.event.data as FollowupEvent, m.event.id)
    default:
      return followupStateRow(m.event.data as FollowupState)
  }
}

/**
 * One insert per consumed run of a partition. The token names the exact offset range, so a
 * retry of the same run is dropped by ClickHouse; rows keyed by event id collapse a redelivery
 * that arrives in a different run.
 */
export const createClickHouseSink =
  (client: ClickHouseClient): Sink =>
  async (messages: Inbound[], range: BatchRange) => {
    const first = messages[0]
    if (!first) return
    const table = tableOf[first.topic.name]
    if (!table) throw new AppError('INTERNAL', `no table for ${first.topic.name}`)
    try {
      await client.insert({
        table,
        values: messages.map(toRow),
        format: 'JSONEachRow',
        clickhouse_settings: {
          insert_deduplication_token: `${range.topic}:${range.partition}:${range.first}-${range.last}`,
          insert_deduplicate: 1,
        },
      })
    } catch (err) {
      throw new AppError('STORE_UNAVAILABLE', `insert into ${table} failed`, { cause: err })
    }
  }
