import { createInterface } from 'node:readline'
import { Channel, CustomerTier } from '@closeloop/shared/events'
import { z } from 'zod'
import type { ClassifyInput } from '../src/domain/classify.ts'
import { loadDefaultClassifier } from '../src/model-loader.ts'

// Operator CLI of the classifier: `classify` reads feedback items (the ingest input shape) as
// JSON lines on stdin and writes one classification per line on stdout. Needs no Kafka.

const CliItem = z.object({
  text: z.string().min(1).max(20_000),
  channel: Channel.optional(),
  // A bare number is a star rating out of 5 (or a score out of 10 when above 5).
  rating: z
    .union([
      z.number().min(0).max(10),
      z.object({ value: z.number().min(0), max: z.union([z.literal(5), z.literal(10)]) }),
    ])
    .optional(),
  customer: z.object({ tier: CustomerTier.optional() }).loose().optional(),
  contactRequested: z.boolean().optional(),
  language: z.string().min(2).max(35).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  history: z
    .object({ openProblem: z.boolean(), contactsLast30Days: z.number().int().min(0) })
    .optional(),
  id: z.union([z.string(), z.number()]).optional(),
  externalId: z.string().optional(),
})
type CliItem = z.infer<typeof CliItem>

const toInput = (item: CliItem): ClassifyInput => {
  const r = item.rating
  const rating =
    r === undefined
      ? undefined
      : typeof r === 'number'
        ? { value: r, max: r > 5 ? (10 as const) : (5 as const) }
        : r
  return {
    text: item.text,
    channel: item.channel ?? 'other',
    rating,
    customer: item.customer?.tier === undefined ? undefined : { tier: item.customer.tier },
    contactRequested: item.contactRequested,
    languageHint: item.language,
    history: item.history,
    occurredAt: item.occurredAt,
  }
}

const classifyStream = async () => {
  const classifier = loadDefaultClassifier({ clock: { now: () => new Date() } })
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })
  let n = 0
  let out = ''
  const flush = () => {
    if (out.length > 0) process.stdout.write(out)
    out = ''
  }
  for await (const line of lines) {
    n++
    if (line.trim() === '') continue
    let record: string
    try {
      const parsed = CliItem.safeParse(JSON.parse(line))
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          message: i.message,
        }))
        record = JSON.stringify({ error: { code: 'INVALID_ITEM', issues }, line: n })
      } else {
        const { id, externalId } = parsed.data
        const result = classifier.classify(toInput(parsed.data))
        record = JSON.stringify({
          ...(id === undefined ? {} : { id }),
          ...(externalId === undefined ? {} : { externalId }),
          ...result,
        })
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      record = JSON.stringify({ error: { code: 'INVALID_JSON', message }, line: n })
    }
    out += `${record}\n`
    if (out.length > 64_000) flush()
  }
  flush()
}

const usage = `usage: closeloop classify < items.jsonl > classified.jsonl
  Reads one feedback item per line ({"text": "...", "channel": "web", "rating": 2, ...}) and
  writes one classification per line; invalid lines become {"error": {...}, "line": n}.
`

const main = async (argv: string[]) => {
  const [command] = argv
  if (command === 'classify') return classifyStream()
  process.stderr.write(usage)
  process.exitCode = command === undefined || command === '--help' || command === 'help' ? 0 : 2
}

await main(process.argv.slice(2))
