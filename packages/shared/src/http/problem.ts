import type { Context, ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Logger } from 'pino'
import { ZodError } from 'zod'
import { AppError, ErrorCode, type FieldIssue } from '../errors.ts'

/** RFC 9457 problem details; `errors` lists each wrong field by its JSON path. */
export type Problem = {
  type: string
  title: string
  status: number
  detail?: string
  instance?: string
  code: string
  requestId?: string
  errors?: FieldIssue[]
}

const titles: Record<ErrorCode, string> = {
  INVALID_CONFIG: 'Server misconfigured',
  VALIDATION_FAILED: 'Request body is invalid',
  MALFORMED_REQUEST: 'Request could not be read',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  PAYLOAD_TOO_LARGE: 'Request body too large',
  UNAUTHENTICATED: 'Missing or unknown credentials',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  KAFKA_UNAVAILABLE: 'Temporarily unable to store',
  STORE_UNAVAILABLE: 'Temporarily unable to read',
  INVALID_EVENT: 'Internal event error',
  INTERNAL: 'Internal error',
}

export const zodFieldIssues = (err: ZodError, prefix: string[] = []): FieldIssue[] =>
  err.issues.map((i) => ({
    path: [...prefix, ...i.path.map(String)].join('.') || '(body)',
    message: i.message,
  }))

export const problemResponse = (
  c: Context,
  problem: Problem,
  headers: Record<string, string> = {},
) =>
  c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
    ...headers,
  })

const typeUri = (code: string) =>
  `https://closeloop.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`

/** The one onError of every service: AppError, ZodError and HTTPException become problems. */
export const problemHandler =
  (log: Logger): ErrorHandler =>
  (err, c) => {
    const requestId = c.get('requestId') as string | undefined
    const instance = new URL(c.req.url).pathname
    let appErr: AppError
    if (err instanceof AppError) appErr = err
    else if (err instanceof ZodError) {
      appErr = new AppError('VALIDATION_FAILED', 'One or more fields are invalid', {
        fields: zodFieldIssues(err),
      })
    } else if (err instanceof HTTPException) {
      const code: ErrorCode =
        err.status === 401
          ? 'UNAUTHENTICATED'
          : err.status === 404
            ? 'NOT_FOUND'
            : 'MALFORMED_REQUEST'
      appErr = new AppError(code, err.message)
    } else {
      log.error({ err, requestId }, 'unhandled error')
      appErr = new AppError('INTERNAL', 'Something went wrong on our side')
    }
    const status = ErrorCode[appErr.code].status
    if (status >= 500 && appErr.code !== 'INTERNAL') log.warn({ err, requestId }, appErr.message)
    const headers: Record<string, string> = {}
    if (appErr.retryable) headers['retry-after'] = '5'
    if (appErr.code === 'UNAUTHENTICATED') headers['www-authenticate'] = 'Bearer'
    return problemResponse(
      c,
      {
        type: typeUri(appErr.code),
        title: titles[appErr.code],
        status,
        detail: appErr.message,
        instance,
        code: appErr.code,
        requestId,
        ...(appErr.fields.length > 0 ? { errors: appErr.fields } : {}),
      },
      headers,
    )
  }
