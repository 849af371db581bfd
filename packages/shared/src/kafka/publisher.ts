import { type Kafka, type Message, Partitioners, type Producer } from 'kafkajs'
import type { Logger } from 'pino'
import { AppError } from '../errors.ts'
import type { TopicSpec } from '../events/topics.ts'
import { type CloudEvent, encodeEvent } from './codec.ts'

/** An event bound for a declared topic; its payload is checked against the topic's schema. */
export type Outbound = { topic: TopicSpec; key: string; event: CloudEvent }

/** A record sent as is (DLQ copies keep the original bytes and headers). */
export type RawRecord = { topic: string; message: Message }

export type Publisher = {
  /** Checks each event against its topic's schema first, unless the caller has (`checked`). */
  publish(events: Outbound[], opts?: { checked?: boolean }): Promise<void>
  publishRaw(records: RawRecord[]): Promise<void>
  // Connects ahead of the first publish, so readiness is known; publish connects on its own too.
  connect(): Promise<void>
  isConnected(): boolean
  stop(): Promise<void>
}

export type PublisherOptions = {
  prefix?: string
  log: Logger
  // Longest a publish may wait for Kafka's acknowledgement before failing as unavailable.
  timeoutMs?: number
  // Marks every event this publisher writes (header ORIGIN_HEADER), so that this process,
  // following the same topic, can pass over what it wrote itself (followTopic's skipOrigin).
  origin?: string
}

/** The header naming the process that wrote an event (PublisherOptions.origin). */
export const ORIGIN_HEADER = 'closeloop_origin'

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

/**
 * Idempotent producer with acks=-1: a publish resolves only when every in-sync replica has the
 * records. kafkajs is only safe idempotent with one request in flight.
 */
export const createPublisher = (kafka: Kafka, opts: PublisherOptions): Publisher => {
  const prefix = opts.prefix ?? ''
  const timeoutMs = opts.timeoutMs ?? 15_000
  // Retries stay kafkajs's unbounded default: bounding them breaks idempotent sequencing.
  // How long a caller waits is bounded by timeoutMs instead.
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 100, maxRetryTime: 2000 },
  })
  let connected = false
  let connecting: Promise<void> | undefined
  producer.on(producer.events.CONNECT, () => {
    connected = true
  })
  producer.on(producer.events.DISCONNECT, () => {
    connected = false
  })

  const ensureConnected = async () => {
    if (connected) return
    connecting ??= producer.connect().finally(() => {
      connecting = undefined
    })
    await connecting
  }

  const send = async (byTopic: Map<string, Message[]>) => {
    if (byTopic.size === 0) return
    const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }))
    try {
      await withTimeout(
        (async () => {
          await ensureConnected()
          await producer.sendBatch({ topicMessages, acks: -1 })
        })(),
        timeoutMs,
        'publish',
      )
    } catch (err) {
      opts.log.warn({ err }, 'publish failed')
      throw new AppError('KAFKA_UNAVAILABLE', 'Kafka did not acknowledge the write', { cause: err })
    }
  }

  return {
    async publish(events, publishOpts) {
      const byTopic = new Map<string, Message[]>()
      for (const { topic, key, event } of events) {
        const checked = publishOpts?.checked === true ? null : topic.schema.safeParse(event.data)
        if (checked !== null && !checked.success) {
          throw new AppError('INVALID_EVENT', `event for ${topic.name} does not match its schema`, {
            cause: checked.error,
            fields: checked.error.issues.map((i) => ({
              path: i.path.join('.'),
              message: i.message,
            })),
          })
        }
        const name = prefix + topic.name
        const list = byTopic.get(name) ?? []
        const message = encodeEvent(key, event)
        if (opts.origin !== undefined)
          message.headers = { ...message.headers, [ORIGIN_HEADER]: opts.origin }
        list.push(message)
        byTopic.set(name, list)
      }
      await send(byTopic)
    },
    async publishRaw(records) {
      const byTopic = new Map<string, Message[]>()
      for (const { topic, message } of records) {
        const list = byTopic.get(topic) ?? []
        list.push(message)
        byTopic.set(topic, list)
      }
      await send(byTopic)
    },
    connect: ensureConnected,
    isConnected: () => connected,
    stop: () => producer.disconnect(),
  }
}
