import { createHash, randomBytes } from 'node:crypto'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const format = (h: string) =>
  `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`

/** Time-ordered random id (RFC 9562 v7): sorts by creation, good for ClickHouse keys. */
export const uuidv7 = (now: number = Date.now()): string => {
  const b = randomBytes(16)
  b.writeUIntBE(now, 0, 6)
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  return format(hex(b))
}

// Fixed namespace for closeloop's name-based ids (itself a v5 of "closeloop.dev" in the DNS namespace).
export const closeloopNamespace = 'c8a3ef14-86bb-5a39-9c6f-0ea2d5d9c0f1'

/** Name-based id (RFC 9562 v5): the same name always gives the same id, so retries dedupe. */
export const uuidv5 = (name: string, namespace: string = closeloopNamespace): string => {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex')
  const digest = createHash('sha1').update(ns).update(name, 'utf8').digest()
  const b = digest.subarray(0, 16)
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  return format(hex(b))
}
