import { AppError } from '@closeloop/shared/errors'
import type { TenantRegistry } from '@closeloop/shared/tenants'
import { type Classifier, createClassifier, mergeRules } from './domain/classify.ts'

/**
 * One classifier per tenant with rule overrides, the base one for the rest. Overrides are
 * checked here, at start: a bad tenants file stops the process, not a message.
 */
export const tenantClassifiers = (base: Classifier, tenants: TenantRegistry) => {
  const byTenant = new Map<string, Classifier>()
  for (const tenant of tenants.tenants) {
    // null, like a missing field, means no overrides: the base rules and their version.
    if (tenant.classifierRules == null) continue
    const merged = mergeRules(base.rules, tenant.classifierRules)
    if (!merged.ok) {
      const what = merged.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
      throw new AppError(
        'INVALID_CONFIG',
        `tenant ${tenant.id}: invalid classifierRules: ${what}`,
        {
          fields: merged.issues,
        },
      )
    }
    byTenant.set(tenant.id, createClassifier({ model: base.model, rules: merged.rules }))
  }
  return (tenantId: string): Classifier => byTenant.get(tenantId) ?? base
}
