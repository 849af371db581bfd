import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { AppError } from '../errors.ts'

/** Takes the caller's X-Request-Id (if sane) or makes one; echoes it on the response. */
export const requestId = (): MiddlewareHandler => async (c, next) => {
  const given = c.req.header('x-request-id')
  const id = given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID()
  c.set('requestId', id)
  c.header('x-request-id', id)
  await next()
}

/** Resolves `Authorization: Bearer <token>` to a principal, or answers 401. */
export const bearerAuth =
  <P>(lookup: (token: string) => P | undefined): MiddlewareHandler =>
  async (c, next) => {
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    const principal = match?.[1] ? lookup(match[1]) : undefined
    if (principal === undefined) {
      throw new AppError(
        'UNAUTHENTICATED',
        match ? 'The bearer token is not known' : 'Send Authorization: Bearer <key>',
      )
    }
    c.set('principal', principal)
    await next()
  }
