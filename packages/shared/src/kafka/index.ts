export { deleteTopicsWithPrefix, ensureTopics } from './admin.ts'
export { createKafka, type Kafka, type KafkaOptions } from './client.ts'
export { type CloudEvent, type Decoded, decodeEvent, encodeEvent, headerString } from './codec.ts'
export {
  type BatchRange,
  type ConsumerMetrics,
  type ConsumerOptions,
  type Handler,
  type Inbound,
  type RunningConsumer,
  runConsumer,
  type Sink,
} from './consumer.ts'
export { type RawRead, readTopic } from './inspect.ts'
export { createPublisher, type Outbound, type Publisher, type RawRecord } from './publisher.ts'
export { catchUpFollower, followTopic, replayTopic, type TopicFollower } from './replay.ts'
