import { AppError } from '@closeloop/shared/errors'
import { topics } from '@closeloop/shared/events'
import { zodFieldIssues } from '@closeloop/shared/http'
import { uuidv5, uuidv7 } from '@closeloop/shared/ids'
import type { Publisher } from '@closeloop/shared/kafka'
import type { SourcePrincipal } from '@closeloop/shared/tenants'
import { type Context, Hono } from 'hono'
import { acceptFeedback } from '../domain/accept-feedback.ts'
import { FeedbackInput, formToInput } from '../domain/feedback-input.ts'

export type IngestEnv = { Variables: { requestId: string; principal: SourcePrincipal } }

export type FeedbackRouteDeps = {
  publisher: Pick<Publisher, 'publish'>
  now: () => Date
}

/** Reads JSON, urlencoded or multipart bodies into one plain object. */
const readBody = async (c: Context): Promise<unknown> => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type === 'application/json' || type?.endsWith('+json')) {
    try {
      return await c.req.json()
    } catch {
      throw new AppError('MALFORMED_REQUEST', 'The body is not valid JSON')
    }
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    const body = await c.req.parseBody()
    const fields: Record<string, string> = {}
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') fields[k] = v
    return formToInput(fields)
  }
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    'Send application/json, application/x-www-form-urlencoded or multipart/form-data',
  )
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

// A plain HTML form post gets a page back, not JSON.
const thanksPage = (id: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Thank you</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem">
<h1>Thank you — we have your message.</h1>
<p>Your reference is <code>${escapeHtml(id)}</code>.</p>
</body></html>`

export const feedbackRoutes = (deps: FeedbackRouteDeps) => {
  const app = new Hono<IngestEnv>()

  app.post('/', async (c) => {
    const principal = c.get('principal')
    const parsed = FeedbackInput.safeParse(await readBody(c))
    if (!parsed.success) {
      throw new AppError('VALIDATION_FAILED', 'One or more fields are invalid', {
        fields: zodFieldIssues(parsed.error),
      })
    }
    const idempotencyKey = c.req.header('idempotency-key')?.trim() || undefined
    if (idempotencyKey && idempotencyKey.length > 200) {
      throw new AppError('VALIDATION_FAILED', 'Idempotency-Key is too long', {
        fields: [{ path: 'Idempotency-Key', message: 'at most 200 characters' }],
      })
    }
    const feedback = acceptFeedback(parsed.data, {
      tenantId: principal.tenant.id,
      sourceId: principal.sourceId,
      sourceChannel: principal.channel,
      idempotencyKey,
      now: deps.now(),
      ids: { v5: uuidv5, v7: uuidv7 },
    })
    // Only Kafka's acknowledgement (acks=-1) lets us say yes; a failure here answers 503.
    await deps.publisher.publish([
      {
        topic: topics.feedbackReceived,
        key: feedback.customerKey,
        event: {
          id: feedback.feedbackId,
          type: topics.feedbackReceived.ceType,
          source: `/closeloop/ingest/${feedback.tenantId}/${feedback.sourceId}`,
          time: feedback.receivedAt,
          tenant: feedback.tenantId,
          subject: feedback.feedbackId,
          data: feedback,
        },
      },
    ])
    c.header('location', `/v1/feedback/${feedback.feedbackId}`)
    const accept = c.req.header('accept') ?? ''
    if (accept.includes('text/html') && !accept.includes('application/json')) {
      return c.html(thanksPage(feedback.feedbackId), 202)
    }
    return c.json(
      { id: feedback.feedbackId, status: 'accepted', receivedAt: feedback.receivedAt },
      202,
    )
  })

  return app
}
