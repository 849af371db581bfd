/**
 * What the classifier remembers per customer: when they got in touch, and whether their last
 * complaint is still fresh. Customer-keyed partitions make it local to this consumer.
 */
export type CustomerHistory = {
  get(customerKey: string, now: Date): { openProblem: boolean; contactsLast30Days: number }
  record(customerKey: string, at: Date, complaint: boolean): void
}

const day = 24 * 3600 * 1000
// A complaint counts as an open problem this long after it arrived, unless a newer one renews it.
const openProblemMs = 14 * day
const windowMs = 30 * day

export const createCustomerHistory = (opts: { maxCustomers?: number } = {}): CustomerHistory => {
  const maxCustomers = opts.maxCustomers ?? 200_000
  const seen = new Map<string, { contacts: number[]; lastComplaintAt?: number }>()
  return {
    get(customerKey, now) {
      const h = seen.get(customerKey)
      if (!h) return { openProblem: false, contactsLast30Days: 0 }
      const since = now.getTime() - windowMs
      return {
        openProblem:
          h.lastComplaintAt !== undefined && now.getTime() - h.lastComplaintAt < openProblemMs,
        contactsLast30Days: h.contacts.filter((t) => t >= since).length,
      }
    },
    record(customerKey, at, complaint) {
      const t = at.getTime()
      const h = seen.get(customerKey) ?? { contacts: [] }
      seen.delete(customerKey)
      h.contacts = h.contacts.filter((c) => c >= t - windowMs).concat(t)
      if (complaint) h.lastComplaintAt = t
      // Map keeps insertion order: re-inserting on use makes the first key the least recent.
      seen.set(customerKey, h)
      if (seen.size > maxCustomers) {
        const oldest = seen.keys().next().value
        if (oldest !== undefined) seen.delete(oldest)
      }
    },
  }
}
