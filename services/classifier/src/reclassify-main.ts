// `closeloop reclassify --from ISO --to ISO [--dry-run]`: classifies the stored feedback of one
// tenant (the analyst key's) received in [from, to) again and publishes the new results.
import { parseArgs } from 'node:util'
import { envFragments, loadConfig } from '@closeloop/shared/config'
import { AppError } from '@closeloop/shared/errors'
import { topics } from '@closeloop/shared/events'
import { createKafka, createPublisher, ensureTopics } from '@closeloop/shared/kafka'
import { createLogger } from '@closeloop/shared/logging'
import { loadTenants } from '@closeloop/shared/tenants'
import { z } from 'zod'
import { loadDefaultClassifier } from './model-loader.ts'
import { ExportPage, reclassifyRange } from './reclassify.ts'
import { tenantClassifiers } from './tenant-classifiers.ts'

const Config = z.object({
  ...envFragments.log,
  ...envFragments.kafka,
  ...envFragments.tenants,
  // Base URL of the analytics API that stores the feedback; default http://127.0.0.1:8082.
  ANALYTICS_URL: z.string().url().default('http://127.0.0.1:8082'),
  // Analyst key of the tenant whose feedback is reclassified (required).
  CLOSELOOP_ANALYST_KEY: z.string().min(1, 'set CLOSELOOP_ANALYST_KEY to an analyst key'),
})

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'page-size': { type: 'string', default: '1000' },
  },
})
const Range = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
})
const range = Range.safeParse(values)
if (!range.success) {
  process.stderr.write(
    'usage: closeloop reclassify --from 2026-01-01T00:00:00Z --to 2026-02-01T00:00:00Z [--dry-run]\n',
  )
  process.exit(2)
}

const config = loadConfig(Config, { LOG_LEVEL: 'warn', ...process.env })
const log = createLogger({ name: 'reclassify', level: config.LOG_LEVEL })
const classifierFor = tenantClassifiers(loadDefaultClassifier(), loadTenants(config.TENANTS_FILE))

const fetchPage = async (after?: string) => {
  const url = new URL('/v1/feedback', config.ANALYTICS_URL)
  url.searchParams.set('from', range.data.from)
  url.searchParams.set('to', range.data.to)
  url.searchParams.set('limit', values['page-size'] ?? '1000')
  if (after) url.searchParams.set('after', after)
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${config.CLOSELOOP_ANALYST_KEY}` },
  })
  if (!res.ok)
    throw new AppError('STORE_UNAVAILABLE', `analytics answered ${res.status}: ${await res.text()}`)
  return ExportPage.parse(await res.json())
}

const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'closeloop-reclassify', log })
const prefix = config.KAFKA_TOPIC_PREFIX
const publisher = createPublisher(kafka, { prefix, log })
try {
  if (!values['dry-run']) await ensureTopics(kafka, [topics.feedbackClassified], { prefix, log })
  const summary = await reclassifyRange({
    fetchPage,
    classifierFor,
    publisher,
    now: () => new Date(),
    dryRun: values['dry-run'],
    onPage: (done) => process.stderr.write(`reclassified ${done} items\n`),
  })
  process.stdout.write(`${JSON.stringify(summary)}\n`)
} catch (err) {
  log.error({ err }, 'reclassify failed')
  process.exitCode = 1
} finally {
  await publisher.stop()
}
