export {
  Channel,
  Customer,
  CustomerTier,
  IsoDateTime,
  Metadata,
  Rating,
  SentimentLabel,
  TenantId,
  UrgencyLevel,
} from './common.ts'
export {
  FeedbackClassified,
  Language,
  Reason,
  Sentiment,
  TopicScore,
  Urgency,
  UrgencyReason,
} from './feedback-classified.ts'
export { FeedbackReceived } from './feedback-received.ts'
export {
  CustomerAcknowledged,
  FeedbackAttached,
  FollowupActioned,
  FollowupEscalated,
  FollowupEvent,
  FollowupOpened,
  FollowupState,
  OwnerAction,
  OwnerReminded,
} from './followup-events.ts'
export { customerKeyOf } from './keys.ts'
export { dlqName, followupCeType, type TopicKey, type TopicSpec, topics } from './topics.ts'
