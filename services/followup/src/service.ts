import { randomUUID } from 'node:crypto'
import { FollowupState, topics } from '@closeloop/shared/events'
import { consumerMetrics, createMetrics, startHttpServer } from '@closeloop/shared/http'
import {
  catchUpFollower,
  createKafka,
  createPublisher,
  ensureTopics,
  followTopic,
  runConsumer,
} from '@closeloop/shared/kafka'
import { stopInOrder } from '@closeloop/shared/lifecycle'
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
  // follow-up, and the API lists every instance's follow-ups. States this instance wrote are
  // marked with its origin and passed over: its store has them already.
  const store = createFollowupStore()
  const origin = `followup-${randomUUID()}`
  const follower = await followTopic(kafka, topics.followupState, {
    prefix,
    log,
    apply: (event) => store.restore(FollowupState.parse(event.data)),
    skipOrigin: origin,
  })

  const publisher = createPublisher(kafka, { prefix, log, origin })
  const metrics = createMetrics()
  const consumer = await runConsumer({
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
    onAssigned: () => catchUpFollower(follower, log),
    metrics: consumerMetrics(metrics),
  })

  // Not ready while the store is stale: its follower stopped.
  const ready = () => consumer.isReady() && follower.isRunning()
  const app = createFollowupApp({ store, tenants, log, metrics, ready })
  const server = await startHttpServer(app, { host: config.HOST, port: config.FOLLOWUP_PORT, log })
  return {
    port: server.port,
    stop: () =>
      stopInOrder(
        [
          ['http', server.stop],
          ['consumer', consumer.stop],
          ['changelog follower', follower.stop],
          ['publisher', publisher.stop],
        ],
        log,
      ),
  }
}
