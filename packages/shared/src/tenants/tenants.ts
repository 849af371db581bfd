import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { AppError } from '../errors.ts'
import { Channel, TenantId, UrgencyLevel } from '../events/common.ts'

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256')

export const Source = z.object({
  id: z.string().min(1),
  // Only the hash of the secret key is kept; a leaked file leaks no key.
  keySha256: Sha256,
  channel: Channel.default('web'),
})

export const Owner = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.email(),
  tokenSha256: Sha256,
  role: z.enum(['lead', 'agent']).default('agent'),
  teamId: z.string().min(1),
  // Escalations go up this chain.
  managerId: z.string().optional(),
})
export type Owner = z.infer<typeof Owner>

export const Team = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  leadId: z.string().min(1),
  defaultOwnerId: z.string().min(1),
})

export const Tenant = z.object({
  id: TenantId,
  name: z.string().min(1),
  // IANA zone for promises shown to customers and business hours.
  timezone: z.string().default('UTC'),
  sources: z.array(Source).min(1),
  analystKeys: z.array(z.object({ id: z.string().min(1), keySha256: Sha256 })),
  owners: z.array(Owner).min(1),
  teams: z.array(Team).min(1),
  defaultTeamId: z.string().min(1),
  // Minutes from receipt until first contact is promised, per urgency.
  slaMinutes: z.record(UrgencyLevel, z.number().int().positive()),
  // Overrides of the classifier's rules; checked by the classifier's own schema.
  classifierRules: z.unknown().optional(),
})
export type Tenant = z.infer<typeof Tenant>

export const TenantsFile = z.object({ tenants: z.array(Tenant).min(1) })

export const sha256Hex = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex')

export type SourcePrincipal = { tenant: Tenant; sourceId: string; channel: Channel }
export type OwnerPrincipal = { tenant: Tenant; owner: Owner }
export type AnalystPrincipal = { tenant: Tenant; analystId: string }

/** Looks credentials up by their hash; each credential belongs to exactly one tenant. */
export type TenantRegistry = {
  tenants: Tenant[]
  get(tenantId: string): Tenant | undefined
  sourceByKey(key: string): SourcePrincipal | undefined
  ownerByToken(token: string): OwnerPrincipal | undefined
  analystByKey(key: string): AnalystPrincipal | undefined
}

export const createTenantRegistry = (tenants: Tenant[]): TenantRegistry => {
  const byId = new Map(tenants.map((t) => [t.id, t]))
  const sources = new Map<string, SourcePrincipal>()
  const owners = new Map<string, OwnerPrincipal>()
  const analysts = new Map<string, AnalystPrincipal>()
  for (const tenant of tenants) {
    for (const s of tenant.sources)
      sources.set(s.keySha256, { tenant, sourceId: s.id, channel: s.channel })
    for (const o of tenant.owners) owners.set(o.tokenSha256, { tenant, owner: o })
    for (const a of tenant.analystKeys) analysts.set(a.keySha256, { tenant, analystId: a.id })
  }
  return {
    tenants,
    get: (id) => byId.get(id),
    sourceByKey: (key) => sources.get(sha256Hex(key)),
    ownerByToken: (token) => owners.get(sha256Hex(token)),
    analystByKey: (key) => analysts.get(sha256Hex(key)),
  }
}

export const loadTenants = (file: string): TenantRegistry => {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new AppError('INVALID_CONFIG', `cannot read tenants file ${file}`, { cause: err })
  }
  const parsed = TenantsFile.safeParse(raw)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new AppError('INVALID_CONFIG', `invalid tenants file ${file}:\n  ${lines.join('\n  ')}`)
  }
  return createTenantRegistry(parsed.data.tenants)
}
