import { AppError } from '../errors.ts'
import type { Outbound, Publisher, RawRecord } from '../kafka/publisher.ts'

export type MemoryPublisher = Publisher & {
  published: Outbound[]
  raw: RawRecord[]
  // While true, publish fails the way it does when Kafka is down.
  failing: boolean
}

/** Records what would be published, validating payloads like the real publisher does. */
export const createMemoryPublisher = (): MemoryPublisher => {
  const self: MemoryPublisher = {
    published: [],
    raw: [],
    failing: false,
    async publish(events) {
      if (self.failing)
        throw new AppError('KAFKA_UNAVAILABLE', 'Kafka did not acknowledge the write')
      for (const e of events) {
        const checked = e.topic.schema.safeParse(e.event.data)
        if (!checked.success)
          throw new AppError('INVALID_EVENT', `invalid event for ${e.topic.name}`)
      }
      self.published.push(...events)
    },
    async publishRaw(records) {
      if (self.failing)
        throw new AppError('KAFKA_UNAVAILABLE', 'Kafka did not acknowledge the write')
      self.raw.push(...records)
    },
    connect: async () => {},
    isConnected: () => !self.failing,
    stop: async () => {},
  }
  return self
}
