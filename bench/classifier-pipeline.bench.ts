// End-to-end throughput of the classifier through the real broker: N FeedbackReceived events
// are put on a fresh input topic, then the classifier service consumes, classifies and
// publishes them. Ceiling, measured in the same run: the same consumer/producer loop with a
// pass-through handler (no classification), i.e. what Kafka and our plumbing allow.
// Run: make bench (or node bench/classifier-pipeline.bench.ts [messages]); needs a broker.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { type FeedbackReceived, topics } from '@closeloop/shared/events'
import { uuidv7 } from '@closeloop/shared/ids'
import {
  createKafka,
  createPublisher,
  deleteTopicsWithPrefix,
  ensureTopics,
  type Kafka,
  type Outbound,
  runConsumer,
} from '@closeloop/shared/kafka'
import { createLogger } from '@closeloop/shared/logging'
import { startClassifier } from '../services/classifier/src/service.ts'

const root = resolve(import.meta.dirname, '..')
const total = Number(process.argv[2] ?? 40_000)
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')
const log = createLogger({ name: 'bench', level: 'warn' })
const out = (s: string) => process.stdout.write(`${s}\n`)

// Real customer texts (app reviews), cycled to the wanted count.
const texts = ['food_delivery_app_reviews.jsonl', 'uber_app_reviews.jsonl']
  .flatMap((f) =>
    readFileSync(resolve(root, '../shared/data', f), 'utf8')
      .trim()
      .split('\n'),
  )
  .map((line) => (JSON.parse(line) as { text: string }).text)

const feedback = (i: number): FeedbackReceived => {
  const now = new Date().toISOString()
  return {
    feedbackId: uuidv7(),
    tenantId: 'demo',
    sourceId: 'bench',
    customerKey: `demo/id:c-${i % 5000}`,
    channel: i % 4 === 0 ? 'phone' : 'web',
    text: texts[i % texts.length] ?? 'ok',
    customer: { id: `c-${i % 5000}` },
    contactRequested: false,
    occurredAt: now,
    receivedAt: now,
    metadata: {},
  }
}

const fill = async (kafka: Kafka, prefix: string) => {
  const publisher = createPublisher(kafka, { prefix, log, timeoutMs: 60_000 })
  for (let i = 0; i < total; i += 2000) {
    const batch: Outbound[] = []
    for (let j = i; j < Math.min(total, i + 2000); j++) {
      const f = feedback(j)
      batch.push({
        topic: topics.feedbackReceived,
        key: f.customerKey,
        event: {
          id: f.feedbackId,
          type: topics.feedbackReceived.ceType,
          source: 'bench',
          time: f.receivedAt,
          tenant: 'demo',
          data: f,
        },
      })
    }
    await publisher.publish(batch)
  }
  await publisher.stop()
}

const countOn = async (kafka: Kafka, topic: string) => {
  const admin = kafka.admin()
  await admin.connect()
  try {
    const offsets = await admin.fetchTopicOffsets(topic)
    return offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0)
  } finally {
    await admin.disconnect()
  }
}

// Runs `start`, then waits until `total` records are on the output topic; wall and CPU time.
const measure = async (
  kafka: Kafka,
  outputTopic: string,
  start: () => Promise<{ stop(): Promise<void> }>,
) => {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const running = await start()
  while ((await countOn(kafka, outputTopic)) < total) await new Promise((r) => setTimeout(r, 100))
  const seconds = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(cpu0)
  await running.stop()
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 }
}

const main = async () => {
  const kafka = createKafka({ brokers, clientId: 'bench', log })
  const base = `bench-${Date.now().toString(36)}`
  const env = {
    LOG_LEVEL: 'warn' as const,
    HOST: '127.0.0.1',
    KAFKA_BROKERS: brokers,
    TENANTS_FILE: resolve(root, 'infra/demo/tenants.json'),
    SHUTDOWN_DEADLINE_MS: 10_000,
  }
  out(
    `classifier end to end through Kafka, ${total} messages of real review text (${texts.length} distinct)`,
  )

  // Ceiling: identical loop, pass-through handler.
  const pPrefix = `${base}-pass.`
  await ensureTopics(kafka, Object.values(topics), { prefix: pPrefix, log })
  await fill(kafka, pPrefix)
  const pass = await measure(kafka, `${pPrefix}${topics.feedbackClassified.name}`, async () => {
    const publisher = createPublisher(kafka, { prefix: pPrefix, log })
    const consumer = await runConsumer({
      kafka,
      publisher,
      prefix: pPrefix,
      log,
      groupId: `${pPrefix}g`,
      inputs: [topics.feedbackReceived],
      handle: (m) => [
        {
          topic: { ...topics.feedbackClassified, schema: topics.feedbackReceived.schema },
          key: m.key,
          event: m.event,
        },
      ],
    })
    return {
      stop: async () => {
        await consumer.stop()
        await publisher.stop()
      },
    }
  })

  const cPrefix = `${base}-cls.`
  await ensureTopics(kafka, Object.values(topics), { prefix: cPrefix, log })
  await fill(kafka, cPrefix)
  const cls = await measure(kafka, `${cPrefix}${topics.feedbackClassified.name}`, () =>
    startClassifier(
      {
        ...env,
        KAFKA_TOPIC_PREFIX: cPrefix,
        CLASSIFIER_PORT: 0,
        CLASSIFIER_GROUP_ID: `${cPrefix}g`,
      },
      { log },
    ),
  )

  const row = (name: string, r: { seconds: number; cpuSeconds: number }) =>
    out(
      `${name.padEnd(34)} ${(total / r.seconds).toFixed(0).padStart(8)} msg/s   ` +
        `${(total / r.cpuSeconds).toFixed(0).padStart(8)} msg per CPU-second   (${r.seconds.toFixed(2)} s wall)`,
    )
  row('ceiling: pass-through consumer', pass)
  row('classifier service', cls)
  out(
    `classifier / ceiling: ${((pass.seconds / cls.seconds) * 100).toFixed(0)} % of the plumbing's rate`,
  )
  out('target: >= 5000 msg per CPU-second (per core) end to end')
  await deleteTopicsWithPrefix(kafka, pPrefix)
  await deleteTopicsWithPrefix(kafka, cPrefix)
}

await main()
