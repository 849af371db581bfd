-- One table per event stream. ReplacingMergeTree keyed by the event id: a redelivered event is
-- the same row and collapses (reads use FINAL). The deduplication window lets a retried batch,
-- sent with the same insert_deduplication_token, be dropped outright.

CREATE TABLE IF NOT EXISTS feedback (
  tenant_id LowCardinality(String),
  feedback_id UUID,
  source_id LowCardinality(String),
  customer_key String,
  channel LowCardinality(String),
  text String,
  customer_id String,
  customer_name String,
  customer_email String,
  customer_phone String,
  customer_tier LowCardinality(String),
  external_id String,
  rating_value Nullable(Float32),
  rating_max Nullable(UInt8),
  location LowCardinality(String),
  product LowCardinality(String),
  language_hint LowCardinality(String),
  contact_requested Bool,
  metadata String,
  occurred_at DateTime64(3, 'UTC'),
  received_at DateTime64(3, 'UTC'),
  kafka_partition UInt16,
  kafka_offset UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (tenant_id, feedback_id)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS classifications (
  tenant_id LowCardinality(String),
  feedback_id UUID,
  event_id UUID,
  customer_key String,
  channel LowCardinality(String),
  location LowCardinality(String),
  product LowCardinality(String),
  received_at DateTime64(3, 'UTC'),
  classified_at DateTime64(3, 'UTC'),
  sentiment_label LowCardinality(String),
  sentiment_score Float32,
  sentiment_confidence Float32,
  urgency_level LowCardinality(String),
  urgency_score Float32,
  urgency_reasons Array(String),
  topics Array(String),
  topic_scores Array(Float32),
  language LowCardinality(String),
  language_supported Bool,
  needs_human Bool,
  needs_contact Bool,
  model_name LowCardinality(String),
  model_version LowCardinality(String),
  rules_version LowCardinality(String),
  detail String
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (tenant_id, feedback_id, event_id)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS followup_events (
  tenant_id LowCardinality(String),
  followup_id UUID,
  event_id UUID,
  kind LowCardinality(String),
  customer_key String,
  feedback_id Nullable(UUID),
  owner_id LowCardinality(String),
  urgency LowCardinality(String),
  contact_by Nullable(DateTime64(3, 'UTC')),
  at DateTime64(3, 'UTC'),
  payload String
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (tenant_id, followup_id, event_id)
SETTINGS non_replicated_deduplication_window = 10000;

-- Current state per follow-up: the highest version wins.
CREATE TABLE IF NOT EXISTS followup_state (
  tenant_id LowCardinality(String),
  followup_id UUID,
  customer_key String,
  status LowCardinality(String),
  owner_id LowCardinality(String),
  team_id LowCardinality(String),
  urgency LowCardinality(String),
  feedback_ids Array(UUID),
  opened_at DateTime64(3, 'UTC'),
  contact_by DateTime64(3, 'UTC'),
  first_contact_at Nullable(DateTime64(3, 'UTC')),
  resolved_at Nullable(DateTime64(3, 'UTC')),
  escalations UInt16,
  updated_at DateTime64(3, 'UTC'),
  version UInt32
) ENGINE = ReplacingMergeTree(version)
ORDER BY (tenant_id, followup_id)
SETTINGS non_replicated_deduplication_window = 10000;
