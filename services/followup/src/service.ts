import { FollowupState, topics } from '@closeloop/shared/events'
import { consumerMetrics, createMetrics, startHttpServer } from '@closeloop/shared/http'
import {
  catchUpFollower,
  createKafka,
  createPublisher,
  ensureTopics,
  followTopic,
  type RunningConsumer,
  runConsumer,
} from '@closeloop/shared/kafka'
import { abandonStart, stopInOrder } from '@closeloop/shared/lifecycle'
import type { Logger } from '@closeloop/shared/logging'
import { loadTenants } from '@closeloop/shared/tenants'
import { createFollowupApp } from './app.ts'
import type { FollowupConfig } from './config.ts'
import { createFollowupStore } from './store/followup-store.ts'
import { createFollowupHandler } from './worker.ts'

export type FollowupService = { port: number; stop(): Promise<void> }

export const startFollowup = async (
  config: FollowupConfig,
  deps: { log: Logger },
): Promise<FollowupService> => {
  const { log } = deps
  const tenants = loadTenants(config.TENANTS_FILE)
  const prefix = config.KAFKA_TOPIC_PREFIX
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'closeloop-followup', log })
  await ensureTopics(kafka, Object.values(topics), { prefix, log })

  // The changelog is the store's truth: rebuild before taking new input, so no deadline is lost.
  // The store goes on following it, so what other instances write is known here too: a
  // customer whose partition moves here (an instance stopped, or one joined) keeps their open
  // follow-up, and the API lists every instance's follow-ups. Its own states come back too and
  // are applied again (no newer than what the store holds, so nothing changes). They are not
  // skipped: a flush reported failed may still have been written, and the store dropped it.
  const store = createFollowupStore()
  let consumer: RunningConsumer | undefined
  const follower = await followTopic(kafka, topics.followupState, {
    prefix,
    log,
    apply: (event) => store.restore(FollowupState.parse(event.data)),
    // A stale store would open second follow-ups: leave the group, so that the partitions go
    // to an instance whose store is live (readiness says 503 from here on).
    onStopped: () => void consumer?.stop(),
  })

  const publisher = createPublisher(kafka, { prefix, log })
  const metrics = createMetrics()
  let server: Awaited<ReturnType<typeof startHttpServer>>
  try {
    consumer = await runConsumer({
      kafka,
      publisher,
      prefix,
      log,
      groupId: config.FOLLOWUP_GROUP_ID,
      inputs: [topics.feedbackClassified],
      handle: createFollowupHandler({ store, tenants }),
      onFlushed: store.commit,
      onFlushFailed: store.rollback,
      onMessageStart: store.mark,
      onMessageFailed: store.undoToMark,
      // Partitions taken over from another instance: first read what it last wrote.
      onAssigned: (wait) => catchUpFollower(follower, log, wait),
      metrics: consumerMetrics(metrics),
    })
    const running = consumer
    // Not ready while the store is stale: its follower stopped.
    const ready = () => running.isReady() && follower.isRunning()
    const app = createFollowupApp({ store, tenants, log, metrics, ready })
    server = await startHttpServer(app, { host: config.HOST, port: config.FOLLOWUP_PORT, log })
  } catch (err) {
    const started = consumer
    return abandonStart(
      err,
      [
        ['consumer', async () => started?.stop()],
        ['changelog follower', follower.stop],
        ['publisher', publisher.stop],
      ],
      log,
    )
  }
  const running = consumer
  const http = server
  return {
    port: http.port,
    stop: () =>
      stopInOrder(
        [
          ['http', http.stop],
          ['consumer', running.stop],
          ['changelog follower', follower.stop],
          ['publisher', publisher.stop],
        ],
        log,
      ),
  }
}
