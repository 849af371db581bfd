import type { ClickHouseClient } from '@closeloop/shared/clickhouse'

const iso = { date_time_output_format: 'iso' } as const

const one = async <T>(client: ClickHouseClient, query: string, params: Record<string, unknown>) => {
  const rs = await client.query({
    query,
    query_params: params,
    format: 'JSONEachRow',
    clickhouse_settings: iso,
  })
  const rows = await rs.json<T>()
  return rows[0]
}

export type FeedbackRowOut = {
  tenant_id: string
  feedback_id: string
  source_id: string
  customer_key: string
  channel: string
  text: string
  customer_id: string
  customer_name: string
  customer_email: string
  customer_phone: string
  customer_tier: string
  external_id: string
  rating_value: number | null
  rating_max: number | null
  location: string
  product: string
  contact_requested: boolean
  language_hint: string
  metadata: string
  occurred_at: string
  received_at: string
}

export type ClassificationRowOut = {
  sentiment_label: string
  sentiment_score: number
  sentiment_confidence: number
  topics: string[]
  topic_scores: number[]
  needs_human: boolean
  needs_contact: boolean
  model_name: string
  model_version: string
  rules_version: string
  classified_at: string
  detail: string
}

export type FollowupRowOut = {
  followup_id: string
  status: string
  owner_id: string
  team_id: string
  urgency: string
  opened_at: string
  contact_by: string
  first_contact_at: string | null
  resolved_at: string | null
  feedback_ids: string[]
  version: number
}

/** The stored item with its newest classification and the follow-up that holds it. */
export const readFeedback = async (client: ClickHouseClient, tenantId: string, id: string) => {
  const params = { tenant: tenantId, id }
  const [feedback, classification, followup] = await Promise.all([
    one<FeedbackRowOut>(
      client,
      'SELECT * FROM feedback FINAL WHERE tenant_id = {tenant:String} AND feedback_id = {id:UUID} LIMIT 1',
      params,
    ),
    one<ClassificationRowOut>(
      client,
      `SELECT * FROM classifications FINAL
       WHERE tenant_id = {tenant:String} AND feedback_id = {id:UUID}
       ORDER BY classified_at DESC LIMIT 1`,
      params,
    ),
    one<FollowupRowOut>(
      client,
      `SELECT * FROM followup_state FINAL
       WHERE tenant_id = {tenant:String} AND has(feedback_ids, {id:UUID})
       ORDER BY version DESC LIMIT 1`,
      params,
    ),
  ])
  return { feedback, classification, followup }
}

export type ExportCursor = { receivedAt: string; feedbackId: string }

/** Stored feedback received in [from, to), oldest first, after a cursor: one page. */
export const listFeedback = async (
  client: ClickHouseClient,
  q: { tenantId: string; from: string; to: string; limit: number; after?: ExportCursor },
) => {
  const rs = await client.query({
    query: `SELECT * FROM feedback FINAL
      WHERE tenant_id = {tenant:String}
        AND received_at >= parseDateTime64BestEffort({from:String}, 3, 'UTC')
        AND received_at < parseDateTime64BestEffort({to:String}, 3, 'UTC')
        AND (received_at, feedback_id) > (parseDateTime64BestEffort({afterAt:String}, 3, 'UTC'), toUUID({afterId:String}))
      ORDER BY received_at, feedback_id
      LIMIT {limit:UInt32}`,
    query_params: {
      tenant: q.tenantId,
      from: q.from,
      to: q.to,
      afterAt: q.after?.receivedAt ?? '1970-01-01T00:00:00Z',
      afterId: q.after?.feedbackId ?? '00000000-0000-0000-0000-000000000000',
      limit: q.limit,
    },
    format: 'JSONEachRow',
    clickhouse_settings: iso,
  })
  return rs.json<FeedbackRowOut>()
}
