import { randomUUID } from 'node:crypto'
import { type FeedbackReceived, topics } from '@closeloop/shared/events'
import { consumerMetrics, createMetrics, mountOps, startHttpServer } from '@closeloop/shared/http'
import {
  catchUpFollower,
  createKafka,
  createPublisher,
  ensureTopics,
  followTopic,
  type RunningConsumer,
  runConsumer,
  type TopicFollower,
} from '@closeloop/shared/kafka'
import { abandonStart, stopInOrder } from '@closeloop/shared/lifecycle'
import type { Logger } from '@closeloop/shared/logging'
import { loadTenants } from '@closeloop/shared/tenants'
import { Hono } from 'hono'
import type { ClassifierConfig } from './config.ts'
import { loadDefaultClassifier } from './model-loader.ts'
import { createCustomerHistory } from './store/customer-history.ts'
import { tenantClassifiers } from './tenant-classifiers.ts'
import { ClassifiedContact, createClassifyHandler, recordClassified } from './worker.ts'

export type ClassifierService = { port: number; stop(): Promise<void> }

export const startClassifier = async (
  config: ClassifierConfig,
  deps: { log: Logger },
): Promise<ClassifierService> => {
  const { log } = deps
  const tenants = loadTenants(config.TENANTS_FILE)
  const classifierFor = tenantClassifiers(loadDefaultClassifier(), tenants)

  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: 'closeloop-classifier',
    log,
  })
  const prefix = config.KAFKA_TOPIC_PREFIX
  await ensureTopics(kafka, Object.values(topics), { prefix, log })
  // Health and metrics answer from the start: /readyz says 503 until the consumer is running,
  // which follows the history replay below (its length grows with the topic's five weeks).
  const metrics = createMetrics()
  let consumer: RunningConsumer | undefined
  const app = new Hono()
  // Not ready while the history is stale: its follower stopped, and repeat contacts go unseen.
  let follower: TopicFollower | undefined
  const ready = () => (consumer?.isReady() ?? false) && (follower?.isRunning() ?? false)
  mountOps(app, { ready, metrics })
  const server = await startHttpServer(app, {
    host: config.HOST,
    port: config.CLASSIFIER_PORT,
    log,
  })
  // This instance's events are marked, so its history follower passes over what it wrote.
  const origin = `classifier-${randomUUID()}`
  const publisher = createPublisher(kafka, { prefix, log, origin })
  try {
    // Per-customer history (repeat contacts, open problems) is rebuilt from what the classifier
    // instances published; then intake resumes where it left off. The history goes on following
    // that topic, so when another instance's partitions move here (it stopped, or the group grew)
    // their customers' contacts since this instance started are known too. A contact this
    // instance recorded itself is passed over when it comes back through the topic.
    const history = createCustomerHistory()
    const changelog = await followTopic(kafka, topics.feedbackClassified, {
      prefix,
      log,
      apply: (event) => recordClassified(history, event.data as ClassifiedContact),
      schema: ClassifiedContact,
      skipOrigin: origin,
      // Stale history would miss repeat contacts: leave the group, so that the partitions go to
      // an instance whose history is live (readiness says 503 from here on).
      onStopped: () => void consumer?.stop(),
    })
    follower = changelog
    log.info({ customers: history.size() }, 'customer history rebuilt')
    consumer = await runConsumer({
      kafka,
      publisher,
      prefix,
      log,
      groupId: config.CLASSIFIER_GROUP_ID,
      inputs: [topics.feedbackReceived],
      handle: createClassifyHandler({
        classifierFor,
        history,
        now: () => new Date(),
      }),
      // An item that ends in the DLQ was no contact the customer made with a verdict.
      onMessageFailed: (m) => {
        const item = m.event.data as FeedbackReceived
        history.forget(item.customerKey, item.feedbackId)
      },
      // Partitions taken over from another instance: first read what it last wrote.
      onAssigned: (wait) => catchUpFollower(changelog, log, wait),
      metrics: consumerMetrics(metrics),
    })
  } catch (err) {
    const started = follower
    return abandonStart(
      err,
      [
        ['history follower', async () => started?.stop()],
        ['publisher', publisher.stop],
        ['http', server.stop],
      ],
      log,
    )
  }
  const running = consumer
  const changelog = follower
  return {
    port: server.port,
    stop: () =>
      stopInOrder(
        [
          ['consumer', running.stop],
          ['history follower', changelog.stop],
          ['publisher', publisher.stop],
          ['http', server.stop],
        ],
        log,
      ),
  }
}
