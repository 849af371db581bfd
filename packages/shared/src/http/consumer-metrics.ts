import type { ConsumerMetrics } from '../kafka/consumer.ts'
import type { Metrics } from './metrics.ts'

/** Prometheus series for a consumer: inputs by outcome, handler latency and lag per partition. */
export const consumerMetrics = (metrics: Metrics): ConsumerMetrics => {
  const processed = metrics.counter(
    'messages_processed_total',
    'Inputs handled, by topic and outcome',
  )
  const latency = metrics.histogram('handler_seconds', 'Handler latency per message in seconds')
  const lag = metrics.gauge('consumer_lag', 'Messages behind the partition end after a batch')
  return {
    onProcessed: (topic, outcome, seconds) => {
      processed({ topic, outcome })
      latency({ topic }, seconds)
    },
    onLag: (topic, partition, behind) => lag({ topic, partition: String(partition) }, behind),
  }
}
