import type { IHeaders, KafkaMessage, Message } from 'kafkajs'

/** A CloudEvents 1.0 event; `tenant` is our extension attribute. */
export type CloudEvent<T = unknown> = {
  id: string
  type: string
  source: string
  time: string
  tenant: string
  subject?: string
  data: T
}

/** Binary content mode: attributes in `ce_` headers, the JSON payload as the value. */
export const encodeEvent = (key: string, event: CloudEvent): Message => {
  const headers: Record<string, string> = {
    ce_specversion: '1.0',
    ce_id: event.id,
    ce_type: event.type,
    ce_source: event.source,
    ce_time: event.time,
    ce_tenant: event.tenant,
    'content-type': 'application/json',
  }
  if (event.subject) headers.ce_subject = event.subject
  return { key, value: JSON.stringify(event.data), headers }
}

export const headerString = (headers: IHeaders | undefined, name: string): string | undefined => {
  const v = headers?.[name]
  if (v === undefined) return undefined
  const first = Array.isArray(v) ? v[0] : v
  return first === undefined ? undefined : first.toString()
}

export type Decoded = { ok: true; event: CloudEvent<unknown> } | { ok: false; reason: string }

const required = [
  'ce_specversion',
  'ce_id',
  'ce_type',
  'ce_source',
  'ce_time',
  'ce_tenant',
] as const

/** Reads the envelope and parses the JSON value; the payload schema is checked by the caller. */
export const decodeEvent = (message: Pick<KafkaMessage, 'headers' | 'value'>): Decoded => {
  const attrs: Partial<Record<(typeof required)[number], string>> = {}
  for (const name of required) {
    const v = headerString(message.headers, name)
    if (!v) return { ok: false, reason: `missing header ${name}` }
    attrs[name] = v
  }
  if (attrs.ce_specversion !== '1.0') {
    return { ok: false, reason: `unsupported ce_specversion ${attrs.ce_specversion}` }
  }
  if (!message.value) return { ok: false, reason: 'empty value' }
  let data: unknown
  try {
    data = JSON.parse(message.value.toString('utf8'))
  } catch (err) {
    return { ok: false, reason: `value is not JSON: ${(err as Error).message}` }
  }
  return {
    ok: true,
    event: {
      id: attrs.ce_id ?? '',
      type: attrs.ce_type ?? '',
      source: attrs.ce_source ?? '',
      time: attrs.ce_time ?? '',
      tenant: attrs.ce_tenant ?? '',
      subject: headerString(message.headers, 'ce_subject'),
      data,
    },
  }
}
