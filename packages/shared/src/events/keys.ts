import type { Customer } from './common.ts'

/**
 * The message key: tenant plus the customer's strongest identity. Everything about one
 * customer lands on one partition, in order (repeat complaints, one open follow-up).
 */
export const customerKeyOf = (tenantId: string, customer: Customer): string | undefined => {
  if (customer.id) return `${tenantId}/id:${customer.id}`
  if (customer.email) return `${tenantId}/email:${customer.email.toLowerCase()}`
  if (customer.phone) return `${tenantId}/phone:${customer.phone}`
  return undefined
}
