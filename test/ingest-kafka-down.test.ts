import { createKafka, createPublisher } from '@closeloop/shared/kafka'
import { createLogger } from '@closeloop/shared/logging'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Ingest, startIngest } from '../services/ingest/src/service.ts'
import { baseEnv } from './support/pipeline.ts'

describe('ingest when Kafka cannot be reached', () => {
  let ingest: Ingest
  beforeAll(async () => {
    // Nothing listens on port 1; the publisher's timeout is what the caller waits at most.
    const env = { ...baseEnv('t-down.'), KAFKA_BROKERS: ['127.0.0.1:1'] }
    const log = createLogger({ name: 'test', level: 'silent' })
    const kafka = createKafka({ brokers: env.KAFKA_BROKERS, clientId: 'test-down', log })
    const publisher = createPublisher(kafka, { log, timeoutMs: 1500 })
    ingest = await startIngest(
      { ...env, INGEST_PORT: 0, INGEST_PUBLISH_TIMEOUT_MS: 1500 },
      { log, publisher },
    )
  })
  afterAll(async () => {
    await ingest?.stop()
  })

  it('answers 503 with Retry-After instead of saying yes, and is not ready', async () => {
    const res = await fetch(`http://127.0.0.1:${ingest.port}/v1/feedback`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-source-key', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Is anyone there?' }),
    })
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).not.toBeNull()
    expect(((await res.json()) as { code: string }).code).toBe('KAFKA_UNAVAILABLE')
    const ready = await fetch(`http://127.0.0.1:${ingest.port}/readyz`)
    expect(ready.status).toBe(503)
  })
})
