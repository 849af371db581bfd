import type { Consumer, IHeaders, Kafka, KafkaMessage } from 'kafkajs'
import type { Logger } from 'pino'
import { AppError, isRetryable } from '../errors.ts'
import { dlqName, type TopicSpec } from '../events/topics.ts'
import { type CloudEvent, decodeEvent } from './codec.ts'
import type { Outbound, Publisher, RawRecord } from './publisher.ts'
import type { CatchUpWait } from './replay.ts'

export type Inbound<T = unknown> = {
  topic: TopicSpec
  partition: number
  offset: string
  key: string
  event: CloudEvent<T>
}

/** Returns the events to publish for one input; throwing a retryable AppError retries it. */
export type Handler = (message: Inbound) => Promise<Outbound[]> | Outbound[]

/** Offsets first..last (inclusive) of one partition: the same range always holds the same records. */
export type BatchRange = { topic: string; partition: number; first: string; last: string }

/** Stores a run of valid inputs in one write, before their offsets are committed (analytics sink). */
export type Sink = (messages: Inbound[], range: BatchRange) => Promise<void>

export type ConsumerMetrics = {
  onProcessed?: (topic: string, outcome: 'ok' | 'dlq', seconds: number) => void
  onLag?: (topic: string, partition: number, lag: number) => void
}

export type ConsumerOptions = {
  kafka: Kafka
  publisher: Publisher
  groupId: string
  inputs: readonly TopicSpec[]
  // Exactly one of: per-message handler, or batch sink.
  handle?: Handler
  sink?: Sink
  log: Logger
  prefix?: string
  metrics?: ConsumerMetrics
  // Outputs are flushed (and offsets committed) at least every this many inputs.
  flushEvery?: number
  // Stateful handlers stage changes and apply them only once the outputs are acknowledged,
  // and drop them when the flush fails (the same inputs are then handled again).
  onFlushed?: () => void
  onFlushFailed?: () => void
  // A message whose handler threw, or whose outputs break their schema, goes to the DLQ: what
  // the handler staged or remembered for that message alone must be dropped. Called before
  // each handler runs, and after it when the message is dead-lettered.
  onMessageStart?: (m: Inbound) => void
  onMessageFailed?: (m: Inbound) => void
  // Awaited before the first batch after each group join: partitions may have come from another
  // instance, whose last writes state followed from a changelog should see first. It is lent
  // the batch's heartbeat, and told when the consumer stops.
  onAssigned?: (wait: CatchUpWait) => Promise<void>
  fromBeginning?: boolean
}

export type RunningConsumer = { isReady(): boolean; stop(): Promise<void> }

const dlqRecord = (
  topic: string,
  partition: number,
  m: KafkaMessage,
  groupId: string,
  reason: string,
): RawRecord => {
  const headers: IHeaders = {
    ...m.headers,
    dlq_reason: reason.slice(0, 2000),
    dlq_origin_topic: topic,
    dlq_origin_partition: String(partition),
    dlq_origin_offset: m.offset,
    dlq_consumer_group: groupId,
    dlq_failed_at: new Date().toISOString(),
  }
  return { topic: dlqName(topic), message: { key: m.key, value: m.value, headers } }
}

const validate = (spec: TopicSpec, event: CloudEvent): string | undefined => {
  const parsed = spec.schema.safeParse(event.data)
  if (parsed.success) return undefined
  return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
}

/**
 * At-least-once consumer: for each fetched batch it runs the handler per message, publishes all
 * outputs (and DLQ copies of poison messages) in one acknowledged write, and only then commits.
 * A crash between publish and commit redelivers; handlers are idempotent by event id.
 */
export const runConsumer = async (opts: ConsumerOptions): Promise<RunningConsumer> => {
  if (Boolean(opts.handle) === Boolean(opts.sink)) {
    throw new AppError('INVALID_CONFIG', 'runConsumer takes exactly one of handle or sink')
  }
  const prefix = opts.prefix ?? ''
  const flushEvery = opts.flushEvery ?? 500
  const specByName = new Map(opts.inputs.map((s) => [prefix + s.name, s]))
  const consumer: Consumer = opts.kafka.consumer({
    groupId: opts.groupId,
    allowAutoTopicCreation: false,
    retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10_000 },
  })
  let joined = false
  let assigned = false
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    joined = true
    assigned = true
    opts.log.info({ groupId: opts.groupId, assignment: e.payload.memberAssignment }, 'joined group')
  })
  consumer.on(consumer.events.CRASH, (e) => {
    joined = false
    // A retriable crash (coordinator still loading, broker restarting) is followed by a restart.
    if (e.payload.restart) opts.log.warn({ reason: e.payload.error.message }, 'consumer restarting')
    else opts.log.error({ err: e.payload.error }, 'consumer crashed and will not restart')
  })

  await consumer.connect()
  try {
    await consumer.subscribe({
      topics: [...specByName.keys()],
      fromBeginning: opts.fromBeginning ?? true,
    })
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const spec = specByName.get(batch.topic)
        if (!spec) throw new AppError('INTERNAL', `no spec for topic ${batch.topic}`)
        if (assigned) {
          assigned = false
          await opts.onAssigned?.({ heartbeat, isRunning })
        }
        let outputs: Outbound[] = []
        let dlq: RawRecord[] = []
        let sinkable: Inbound[] = []
        let first: string | undefined
        let pending: string | undefined

        const flush = async () => {
          if (pending === undefined || first === undefined) return
          if (opts.sink && sinkable.length > 0) {
            const range = { topic: batch.topic, partition: batch.partition, first, last: pending }
            await opts.sink(sinkable, range)
          }
          sinkable = []
          first = undefined
          try {
            // Each output was checked against its schema right after its handler.
            await opts.publisher.publish(outputs, { checked: true })
            await opts.publisher.publishRaw(dlq)
          } catch (err) {
            opts.onFlushFailed?.()
            throw err
          }
          opts.onFlushed?.()
          outputs = []
          dlq = []
          resolveOffset(pending)
          const next = (BigInt(pending) + 1n).toString()
          await consumer.commitOffsets([
            { topic: batch.topic, partition: batch.partition, offset: next },
          ])
          pending = undefined
          await heartbeat()
        }

        for (const m of batch.messages) {
          if (!isRunning() || isStale()) break
          const started = performance.now()
          const decoded = decodeEvent(m)
          const problem = decoded.ok ? validate(spec, decoded.event) : decoded.reason
          let outcome: 'ok' | 'dlq' = 'ok'
          if (problem !== undefined || !decoded.ok) {
            outcome = 'dlq'
            dlq.push(
              dlqRecord(batch.topic, batch.partition, m, opts.groupId, problem ?? 'undecodable'),
            )
            opts.log.warn({ topic: batch.topic, offset: m.offset, reason: problem }, 'sent to DLQ')
          } else {
            try {
              const key = m.key?.toString('utf8') ?? ''
              const inbound = {
                topic: spec,
                partition: batch.partition,
                offset: m.offset,
                key,
                event: decoded.event,
              }
              if (opts.sink) sinkable.push(inbound)
              else if (opts.handle) {
                opts.onMessageStart?.(inbound)
                let produced: Outbound[]
                try {
                  produced = await opts.handle(inbound)
                } catch (err) {
                  if (!isRetryable(err)) opts.onMessageFailed?.(inbound)
                  throw err
                }
                // Checked here, per message: an output that breaks its schema would otherwise fail
                // the whole batch's publish, and the partition would retry it for ever.
                for (const o of produced) {
                  const wrong = validate(o.topic, o.event)
                  if (wrong !== undefined) {
                    opts.onMessageFailed?.(inbound)
                    throw new AppError('INVALID_EVENT', `output for ${o.topic.name}: ${wrong}`)
                  }
                }
                outputs.push(...produced)
              }
            } catch (err) {
              // Retryable (Kafka or a store is down): flush what is done and let kafkajs retry the rest.
              if (isRetryable(err)) {
                await flush()
                throw err
              }
              outcome = 'dlq'
              const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err)
              dlq.push(dlqRecord(batch.topic, batch.partition, m, opts.groupId, reason))
              opts.log.error(
                { err, topic: batch.topic, offset: m.offset },
                'handler failed; sent to DLQ',
              )
            }
          }
          first ??= m.offset
          pending = m.offset
          opts.metrics?.onProcessed?.(spec.name, outcome, (performance.now() - started) / 1000)
          if (outputs.length + dlq.length + sinkable.length >= flushEvery) await flush()
        }
        await flush()
        const last = batch.lastOffset()
        opts.metrics?.onLag?.(
          spec.name,
          batch.partition,
          Number(BigInt(batch.highWatermark) - BigInt(last) - 1n),
        )
      },
    })
  } catch (err) {
    // A consumer that could not subscribe or run must not stay connected: it would keep the
    // process alive after its service failed to start.
    await consumer.disconnect().catch(() => {})
    throw err
  }

  return {
    isReady: () => joined,
    stop: () => consumer.disconnect(),
  }
}
