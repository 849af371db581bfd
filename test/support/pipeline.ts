import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createKafka, deleteTopicsWithPrefix } from '@closeloop/shared/kafka'
import { createLogger } from '@closeloop/shared/logging'
import { type AnalyticsService, startAnalytics } from '../../services/analytics/src/service.ts'
import { type ClassifierService, startClassifier } from '../../services/classifier/src/service.ts'
import { type FollowupService, startFollowup } from '../../services/followup/src/service.ts'
import { type Ingest, startIngest } from '../../services/ingest/src/service.ts'

const root = resolve(import.meta.dirname, '../..')
export const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')
export const log = createLogger({ name: 'test', level: process.env.TEST_LOG_LEVEL ?? 'error' })

/** Settings every service shares in a test: its own topic prefix and consumer groups. */
export const baseEnv = (prefix: string) => ({
  LOG_LEVEL: 'error' as const,
  HOST: '127.0.0.1',
  KAFKA_BROKERS: brokers,
  KAFKA_TOPIC_PREFIX: prefix,
  TENANTS_FILE: join(root, 'infra/demo/tenants.json'),
  SHUTDOWN_DEADLINE_MS: 10_000,
})

export type Pipeline = {
  prefix: string
  dataDir: string
  ingest: Ingest
  classifier: ClassifierService
  followup: FollowupService
  analytics: AnalyticsService
  url(service: 'ingest' | 'followup' | 'analytics', path: string): string
  restartFollowup(): Promise<void>
  restartClassifier(): Promise<void>
  stop(): Promise<void>
}

/** Starts the four services in this process against the real broker and a fresh chDB folder. */
export const startPipeline = async (name: string): Promise<Pipeline> => {
  const prefix = `t-${name}-${Date.now().toString(36)}.`
  const dataDir = mkdtempSync(join(tmpdir(), `closeloop-${name}-`))
  const env = baseEnv(prefix)
  const groups = (s: string) => `${prefix}${s}`
  const followupConfig = { ...env, FOLLOWUP_PORT: 0, FOLLOWUP_GROUP_ID: groups('followup') }
  const analytics = await startAnalytics(
    {
      ...env,
      ANALYTICS_PORT: 0,
      ANALYTICS_GROUP_ID: groups('analytics'),
      CLICKHOUSE_URL: undefined,
      CLICKHOUSE_DATA_DIR: dataDir,
      CLICKHOUSE_MIGRATIONS_DIR: join(root, 'infra/clickhouse/migrations'),
    },
    { log },
  )
  const classifierConfig = { ...env, CLASSIFIER_PORT: 0, CLASSIFIER_GROUP_ID: groups('classifier') }
  let classifier = await startClassifier(classifierConfig, { log })
  let followup = await startFollowup(followupConfig, { log })
  const ingest = await startIngest(
    { ...env, INGEST_PORT: 0, INGEST_PUBLISH_TIMEOUT_MS: 5000 },
    { log },
  )
  const p: Pipeline = {
    prefix,
    dataDir,
    ingest,
    get classifier() {
      return classifier
    },
    get followup() {
      return followup
    },
    analytics,
    url: (service, path) => {
      const port = { ingest: ingest.port, followup: followup.port, analytics: analytics.port }[
        service
      ]
      return `http://127.0.0.1:${port}${path}`
    },
    async restartFollowup() {
      await followup.stop()
      followup = await startFollowup(followupConfig, { log })
    },
    async restartClassifier() {
      await classifier.stop()
      classifier = await startClassifier(classifierConfig, { log })
    },
    async stop() {
      await ingest.stop()
      await classifier.stop()
      await followup.stop()
      await analytics.stop()
      await deleteTopicsWithPrefix(createKafka({ brokers, clientId: 'test-cleanup', log }), prefix)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return p
}

export const postFeedback = async (
  p: Pipeline,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  const res = await fetch(p.url('ingest', '/v1/feedback'), {
    method: 'POST',
    headers: {
      authorization: 'Bearer demo-source-key',
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(body),
  })
  return {
    status: res.status,
    body: (await res.json()) as { id: string } & Record<string, unknown>,
  }
}

export const getFeedback = async (p: Pipeline, id: string) => {
  const res = await fetch(p.url('analytics', `/v1/feedback/${id}`), {
    headers: { authorization: 'Bearer demo-analyst-key' },
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
