import type {
  FeedbackClassified,
  FeedbackReceived,
  FollowupEvent,
  FollowupState,
} from '@closeloop/shared/events'
import type { Inbound } from '@closeloop/shared/kafka'
import type { FeedbackRowOut } from './queries.ts'

// Pure mappings from events to the rows of infra/clickhouse/migrations/0001_event_tables.sql.

export const feedbackRow = (f: FeedbackReceived, m: Pick<Inbound, 'partition' | 'offset'>) => ({
  tenant_id: f.tenantId,
  feedback_id: f.feedbackId,
  source_id: f.sourceId,
  customer_key: f.customerKey,
  channel: f.channel,
  text: f.text,
  customer_id: f.customer.id ?? '',
  customer_name: f.customer.name ?? '',
  customer_email: f.customer.email ?? '',
  customer_phone: f.customer.phone ?? '',
  customer_tier: f.customer.tier ?? '',
  external_id: f.externalId ?? '',
  rating_value: f.rating?.value ?? null,
  rating_max: f.rating?.max ?? null,
  location: f.location ?? '',
  product: f.product ?? '',
  language_hint: f.language ?? '',
  contact_requested: f.contactRequested,
  metadata: JSON.stringify(f.metadata),
  occurred_at: f.occurredAt,
  received_at: f.receivedAt,
  kafka_partition: m.partition,
  kafka_offset: m.offset,
})

export const classificationRow = (c: FeedbackClassified, eventId: string) => ({
  tenant_id: c.tenantId,
  feedback_id: c.feedbackId,
  event_id: eventId,
  customer_key: c.customerKey,
  channel: c.feedback.channel,
  location: c.feedback.location ?? '',
  product: c.feedback.product ?? '',
  received_at: c.feedback.receivedAt,
  classified_at: c.classifiedAt,
  sentiment_label: c.sentiment.label,
  sentiment_score: c.sentiment.score,
  sentiment_confidence: c.sentiment.confidence,
  urgency_level: c.urgency.level,
  urgency_score: c.urgency.score,
  urgency_reasons: c.urgency.reasons.map((r) => r.code),
  topics: c.topics.map((t) => t.name),
  topic_scores: c.topics.map((t) => t.score),
  language: c.language.code,
  language_supported: c.language.supported,
  needs_human: c.needsHuman,
  needs_contact: c.needsContact,
  model_name: c.model.name,
  model_version: c.model.version,
  rules_version: c.rulesVersion,
  // The parts not worth columns, kept whole for the item view: what each verdict rested on.
  detail: JSON.stringify({
    urgency: c.urgency,
    language: c.language,
    sentimentReasons: c.sentiment.reasons,
    topicKeywords: c.topics.map((t) => t.keywords ?? []),
  }),
})

export const followupEventRow = (e: FollowupEvent, eventId: string) => ({
  tenant_id: e.tenantId,
  followup_id: e.followupId,
  event_id: eventId,
  kind: e.kind,
  customer_key: e.customerKey,
  feedback_id: 'feedbackId' in e ? e.feedbackId : null,
  owner_id: 'ownerId' in e ? e.ownerId : 'toOwnerId' in e ? (e.toOwnerId ?? '') : '',
  urgency: 'urgency' in e ? e.urgency : '',
  contact_by:
    'contactBy' in e ? (e.contactBy ?? null) : 'newContactBy' in e ? e.newContactBy : null,
  at: e.at,
  payload: JSON.stringify(e),
})

export const followupStateRow = (s: FollowupState) => ({
  tenant_id: s.tenantId,
  followup_id: s.followupId,
  customer_key: s.customerKey,
  status: s.status,
  owner_id: s.ownerId,
  team_id: s.teamId ?? '',
  urgency: s.urgency,
  feedback_ids: s.feedbackIds,
  opened_at: s.openedAt,
  contact_by: s.contactBy,
  first_contact_at: s.firstContactAt ?? null,
  resolved_at: s.resolvedAt ?? null,
  escalations: s.escalations,
  updated_at: s.updatedAt,
  version: s.version,
})

const nonEmpty = (s: string) => (s === '' ? undefined : s)

/** The stored row back as the event it came from (the inverse of feedbackRow). */
export const feedbackFromRow = (r: FeedbackRowOut): FeedbackReceived => ({
  feedbackId: r.feedback_id,
  tenantId: r.tenant_id,
  sourceId: r.source_id,
  customerKey: r.customer_key,
  channel: r.channel as FeedbackReceived['channel'],
  text: r.text,
  customer: {
    id: nonEmpty(r.customer_id),
    name: nonEmpty(r.customer_name),
    email: nonEmpty(r.customer_email),
    phone: nonEmpty(r.customer_phone),
    tier: nonEmpty(r.customer_tier) as FeedbackReceived['customer']['tier'],
  },
  externalId: nonEmpty(r.external_id),
  rating:
    r.rating_value === null || r.rating_max === null
      ? undefined
      : { value: r.rating_value, max: r.rating_max as 5 | 10 },
  location: nonEmpty(r.location),
  product: nonEmpty(r.product),
  language: nonEmpty(r.language_hint),
  contactRequested: r.contact_requested,
  occurredAt: r.occurred_at,
  receivedAt: r.received_at,
  metadata: JSON.parse(r.metadata) as FeedbackReceived['metadata'],
})
