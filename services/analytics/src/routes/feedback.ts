import type { ClickHouseClient } from '@closeloop/shared/clickhouse'
import { AppError } from '@closeloop/shared/errors'
import { zodFieldIssues } from '@closeloop/shared/http'
import type { AnalystPrincipal } from '@closeloop/shared/tenants'
import { Hono } from 'hono'
import { z } from 'zod'
import { type ExportCursor, listFeedback, readFeedback } from '../store/queries.ts'
import { feedbackFromRow } from '../store/rows.ts'

// The classification's `detail` column (services/analytics/src/store/rows.ts).
type StoredDetail = {
  urgency?: unknown
  language?: unknown
  sentimentReasons?: unknown[]
  topicKeywords?: string[][]
}

export type AnalyticsEnv = { Variables: { requestId: string; principal: AnalystPrincipal } }

const FeedbackId = z.uuid()

const encodeCursor = (c: ExportCursor) => Buffer.from(JSON.stringify(c)).toString('base64url')
const Cursor = z.object({ receivedAt: z.iso.datetime({ offset: true }), feedbackId: z.uuid() })

const ExportQuery = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
    after: z
      .string()
      .transform((s, ctx) => {
        try {
          return Cursor.parse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')))
        } catch {
          ctx.addIssue({ code: 'custom', message: 'not a cursor this API returned' })
          return z.NEVER
        }
      })
      .optional(),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['to'],
  })

const parseJson = (s: string): unknown => {
  try {
    return JSON.parse(s)
  } catch {
    return null
  }
}

export const feedbackRoutes = (deps: { client: ClickHouseClient }) => {
  const app = new Hono<AnalyticsEnv>()

  // Export: stored feedback received in [from, to), oldest first, in the FeedbackReceived shape.
  // Pages are cursor-based: pass `next` back as `after` until it is absent.
  app.get('/', async (c) => {
    const { tenant } = c.get('principal')
    const q = ExportQuery.safeParse(c.req.query())
    if (!q.success) {
      throw new AppError('VALIDATION_FAILED', 'Invalid query', { fields: zodFieldIssues(q.error) })
    }
    const { from, to, limit, after } = q.data
    const rows = await listFeedback(deps.client, { tenantId: tenant.id, from, to, limit, after })
    const items = rows.map(feedbackFromRow)
    const last = items.at(-1)
    const next =
      items.length === limit && last
        ? encodeCursor({ receivedAt: last.receivedAt, feedbackId: last.feedbackId })
        : undefined
    return c.json({ items, count: items.length, ...(next ? { next } : {}) })
  })

  app.get('/:id', async (c) => {
    const { tenant } = c.get('principal')
    const id = FeedbackId.safeParse(c.req.param('id'))
    if (!id.success) {
      throw new AppError('VALIDATION_FAILED', 'The feedback id is not a UUID', {
        fields: [{ path: 'id', message: 'must be a UUID' }],
      })
    }
    const {
      feedback: f,
      classification: k,
      followup: u,
    } = await readFeedback(deps.client, tenant.id, id.data)
    if (!f) throw new AppError('NOT_FOUND', 'No feedback with that id (it may still be on its way)')
    const detail = k ? (parseJson(k.detail) as StoredDetail | null) : null
    // Stored before verdicts named their reasons: such items show none.
    const keywords = detail?.topicKeywords ?? []
    const owner = u ? tenant.owners.find((o) => o.id === u.owner_id) : undefined
    // The item as it was received; the customer key is internal and stays out of the view.
    const { feedbackId, customerKey, ...received } = feedbackFromRow(f)
    return c.json({
      id: feedbackId,
      ...received,
      status: u ? u.status : k ? 'classified' : 'received',
      classification: k
        ? {
            sentiment: {
              label: k.sentiment_label,
              score: k.sentiment_score,
              confidence: k.sentiment_confidence,
              ...(detail?.sentimentReasons === undefined
                ? {}
                : { reasons: detail.sentimentReasons }),
            },
            urgency: detail?.urgency ?? null,
            topics: k.topics.map((name, i) => ({
              name,
              score: k.topic_scores[i] ?? 0,
              ...((keywords[i]?.length ?? 0) > 0 ? { keywords: keywords[i] } : {}),
            })),
            language: detail?.language ?? null,
            needsHuman: k.needs_human,
            needsContact: k.needs_contact,
            model: { name: k.model_name, version: k.model_version },
            rulesVersion: k.rules_version,
            classifiedAt: k.classified_at,
          }
        : null,
      followup: u
        ? {
            id: u.followup_id,
            status: u.status,
            owner: { id: u.owner_id, name: owner?.name ?? u.owner_id },
            teamId: u.team_id || undefined,
            urgency: u.urgency,
            openedAt: u.opened_at,
            contactBy: u.contact_by,
            firstContactAt: u.first_contact_at ?? undefined,
            resolvedAt: u.resolved_at ?? undefined,
            feedbackIds: u.feedback_ids,
          }
        : null,
    })
  })

  return app
}
