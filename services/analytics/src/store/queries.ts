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
