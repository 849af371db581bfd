import { AppError } from '@closeloop/shared/errors'
import { topics } from '@closeloop/shared/events'
import { consumerMetrics, createMetrics, mountOps, startHttpServer } from '@closeloop/shared/http'
import { createKafka, createPublisher, ensureTopics, runConsumer } from '@closeloop/shared/kafka'
import { stopInOrder } from '@closeloop/shared/lifecycle'
import type { Logger } from '@closeloop/shared/logging'
import { loadTenants } from '@closeloop/shared/tenants'
import { Hono } from 'hono'
import type { ClassifierConfig } from './config.ts'
import { type Classifier, createClassifier, mergeRules } from './domain/classify.ts'
import { loadDefaultClassifier } from './model-loader.ts'
import { createCustomerHistory } from './store/customer-history.ts'
import { createClassifyHandler } from './worker.ts'

export type ClassifierService = { port: number; stop(): Promise<void> }

export const startClassifier = async (
  config: ClassifierConfig,
  deps: { log: Logger },
): Promise<ClassifierService> => {
  const { log } = deps
  const tenants = loadTenants(config.TENANTS_FILE)
  const base = loadDefaultClassifier()
  // A tenant's rule overrides are checked at start: a bad file stops the service, not a message.
  const byTenant = new Map<string, Classifier>()
  for (const tenant of tenants.tenants) {
    if (tenant.classifierRules === undefined) continue
    const merged = mergeRules(base.rules, tenant.classifierRules)
    if (!merged.ok) {
      throw new AppError('INVALID_CONFIG', `tenant ${tenant.id}: invalid classifierRules`, {
        cause: merged.issues,
      })
    }
    byTenant.set(tenant.id, createClassifier({ model: base.model, rules: merged.rules }))
  }

  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: 'closeloop-classifier',
    log,
  })
  const prefix = config.KAFKA_TOPIC_PREFIX
  await ensureTopics(kafka, Object.values(topics), { prefix, log })
  const publisher = createPublisher(kafka, { prefix, log })
  const metrics = createMetrics()
  const consumer = await runConsumer({
    kafka,
    publisher,
    prefix,
    log,
    groupId: config.CLASSIFIER_GROUP_ID,
    inputs: [topics.feedbackReceived],
    handle: createClassifyHandler({
      classifierFor: (tenantId) => byTenant.get(tenantId) ?? base,
      history: createCustomerHistory(),
      now: () => new Date(),
    }),
    metrics: consumerMetrics(metrics),
  })

  const app = new Hono()
  mountOps(app, { ready: () => consumer.isReady(), metrics })
  const server = await startHttpServer(app, {
    host: config.HOST,
    port: config.CLASSIFIER_PORT,
    log,
  })
  return {
    port: server.port,
    stop: () =>
      stopInOrder(
        [
          ['consumer', consumer.stop],
          ['publisher', publisher.stop],
          ['http', server.stop],
        ],
        log,
      ),
  }
}
