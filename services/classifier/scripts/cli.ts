import { createInterface } from 'node:readline'
import { Channel, CustomerTier } from '@closeloop/shared/events'
import { z } from 'zod'
import type { ClassifyInput } from '../src/domain/classify.ts'
import type { ClassifierRules } from '../src/domain/rules.ts'
import { loadDefaultClassifier } from '../src/model-loader.ts'
import { takeRulesOption } from './rules-option.ts'

// Operator CLI of the classifier: `classify` reads feedback items (the ingest input shape) as
// JSON lines on stdin and writes one classification per line on stdout. Needs no Kafka.

// Only `text` is required. The other fields inform urgency; in a backfill from another system
// they are often spelt differently, so a value that does not fit is dropped with a warning and
// the text is still classified, rather than losing the item.
const MAX_TEXT = 20_000
const Text = z.string().trim().min(1, 'text must not be empty')
const Rating = z.union([
  // A bare number is a star rating out of 5 (or a score out of 10 when above 5).
  z.number().min(0).max(10),
  z.object({ value: z.number().min(0), max: z.union([z.literal(5), z.literal(10)]) }),
])
const OPTIONAL = {
  rating: Rating,
  contactRequested: z.boolean(),
  language: z.string().min(2).max(35),
  occurredAt: z.iso.datetime({ offset: true }),
  history: z.object({ openProblem: z.boolean(), contactsLast30Days: z.number().int().min(0) }),
  id: z.union([z.string(), z.number()]),
  externalId: z.string(),
}
// Channel names other systems use for ours.
const CHANNEL_ALIASES: Record<string, Channel> = {
  twitter: 'social',
  x: 'social',
  facebook: 'social',
  instagram: 'social',
  tiktok: 'social',
  linkedin: 'social',
  whatsapp: 'chat',
  messenger: 'chat',
  livechat: 'chat',
  call: 'phone',
  voice: 'phone',
  telephone: 'phone',
  form: 'web',
  webform: 'web',
  website: 'web',
  'e-mail': 'email',
  mail: 'email',
  text: 'sms',
  store: 'in_person',
}

type Warning = { path: string; message: string }
type CliItem = {
  text: string
  channel?: Channel
  rating?: z.infer<typeof Rating>
  tier?: CustomerTier
  contactRequested?: boolean
  language?: string
  occurredAt?: string
  history?: { openProblem: boolean; contactsLast30Days: number }
  id?: string | number
  externalId?: string
}

const readChannel = (value: unknown): Channel | undefined => {
  if (typeof value !== 'string') return undefined
  const name = value.trim().toLowerCase()
  const parsed = Channel.safeParse(name)
  if (parsed.success) return parsed.data
  return Object.hasOwn(CHANNEL_ALIASES, name) ? CHANNEL_ALIASES[name] : undefined
}

/** Reads one input line's object: an error when there is no text, else the item and warnings. */
const readItem = (
  raw: unknown,
): { ok: true; item: CliItem; warnings: Warning[] } | { ok: false; issues: Warning[] } => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: '', message: 'each line must be a JSON object' }] }
  }
  const r = raw as Record<string, unknown>
  const text = Text.safeParse(r.text)
  if (!text.success) {
    const message =
      r.text === undefined ? 'text is required' : (text.error.issues[0]?.message ?? '')
    return { ok: false, issues: [{ path: 'text', message }] }
  }
  const warnings: Warning[] = []
  const item: CliItem = { text: text.data }
  if (text.data.length > MAX_TEXT) {
    // By code point, so an emoji at the cut is not split in half.
    item.text = Array.from(text.data).slice(0, MAX_TEXT).join('')
    warnings.push({
      path: 'text',
      message: `longer than ${MAX_TEXT} characters: classified the start`,
    })
  }
  if (r.channel !== undefined) {
    const channel = readChannel(r.channel)
    if (channel === undefined) {
      warnings.push({
        path: 'channel',
        message: `unknown channel ${JSON.stringify(r.channel)}: ignored`,
      })
    } else item.channel = channel
  }
  const customer = r.customer
  if (customer !== undefined) {
    if (typeof customer !== 'object' || customer === null || Array.isArray(customer)) {
      warnings.push({ path: 'customer', message: 'not an object: ignored' })
    } else if ('tier' in customer) {
      const tier = CustomerTier.safeParse((customer as { tier: unknown }).tier)
      if (tier.success) item.tier = tier.data
      else warnings.push({ path: 'customer.tier', message: 'not a known tier: ignored' })
    }
  }
  for (const [key, schema] of Object.entries(OPTIONAL)) {
    if (r[key] === undefined) continue
    const parsed = schema.safeParse(r[key])
    if (parsed.success) Object.assign(item, { [key]: parsed.data })
    else
      warnings.push({
        path: key,
        message: `${parsed.error.issues[0]?.message ?? 'invalid'}: ignored`,
      })
  }
  return { ok: true, item, warnings }
}

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
    customer: item.tier === undefined ? undefined : { tier: item.tier },
    contactRequested: item.contactRequested,
    languageHint: item.language,
    history: item.history,
    occurredAt: item.occurredAt,
  }
}

const parseJson = (line: string): { ok: true; value: unknown } | { ok: false; message: string } => {
  try {
    return { ok: true, value: JSON.parse(line) }
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) }
  }
}

const classifyStream = async (rules: ClassifierRules) => {
  const classifier = loadDefaultClassifier({ rules, clock: { now: () => new Date() } })
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })
  let n = 0
  let failed = 0
  let out = ''
  const flush = () => {
    if (out.length > 0) process.stdout.write(out)
    out = ''
  }
  for await (const line of lines) {
    n++
    if (line.trim() === '') continue
    let record: string
    const parsed = parseJson(line)
    const read = parsed.ok ? readItem(parsed.value) : null
    if (!parsed.ok) {
      record = JSON.stringify({ error: { code: 'INVALID_JSON', message: parsed.message }, line: n })
    } else if (read === null || !read.ok) {
      record = JSON.stringify({ error: { code: 'INVALID_ITEM', issues: read?.issues }, line: n })
    } else {
      const { id, externalId } = read.item
      const ids = {
        ...(id === undefined ? {} : { id }),
        ...(externalId === undefined ? {} : { externalId }),
      }
      try {
        const result = classifier.classify(toInput(read.item))
        record = JSON.stringify({
          ...ids,
          ...result,
          ...(read.warnings.length === 0 ? {} : { warnings: read.warnings }),
        })
      } catch (err) {
        // A valid item the classifier could not take is our fault, not the input's.
        const message = err instanceof Error ? err.message : String(err)
        record = JSON.stringify({ ...ids, error: { code: 'CLASSIFY_FAILED', message }, line: n })
        failed++
      }
    }
    out += `${record}\n`
    if (out.length > 64_000) flush()
  }
  flush()
  if (failed > 0) {
    process.stderr.write(`closeloop classify: the classifier failed on ${failed} item(s)\n`)
    process.exitCode = 1
  }
}

const usage = `usage: closeloop classify [--rules FILE.json] < items.jsonl > classified.jsonl
  Reads one feedback item per line ({"text": "...", "channel": "web", "rating": 2, ...}) and
  writes one classification per line. A line without text, or not JSON, becomes
  {"error": {...}, "line": n}; an optional field that does not fit is ignored and named in
  the line's "warnings". An item the classifier fails on becomes a CLASSIFY_FAILED error
  line, and the command then exits with status 1.
  --rules FILE.json  rule overrides, the object a tenant has as "classifierRules" in the
                     tenants file, so items are read as the service reads that tenant's
`

const main = async (argv: string[]) => {
  const [command, ...args] = argv
  if (command === 'classify' && !args.some((a) => a === '--help' || a === '-h')) {
    const option = takeRulesOption(args)
    const unknown = option.ok ? option.rest[0] : undefined
    if (option.ok && unknown === undefined) return classifyStream(option.rules)
    process.stderr.write(
      `closeloop classify: ${option.ok ? `unknown argument ${unknown}` : option.message}\n`,
    )
    process.stderr.write(usage)
    process.exitCode = 2
    return
  }
  process.stderr.write(usage)
  const help = command === undefined || command === '--help' || command === 'help'
  process.exitCode = help || command === 'classify' ? 0 : 2
}

await main(process.argv.slice(2))
