/**
 * What the classifier remembers per customer: when they got in touch, and whether their last
 * complaint is still fresh. Customer-keyed partitions make it local to a consumer; each instance
 * rebuilds it from the classifier's output at start and goes on following that topic (see
 * service.ts), so neither a restart nor a partition handed over forgets anyone.
 * Contacts are kept by feedback id: a redelivered or replayed item is counted once.
 */
export type CustomerHistory = {
  /** History as it stood for an item received at `now`, leaving that item itself out. */
  get(
    customerKey: string,
    now: Date,
    feedbackId?: string,
  ): { openProblem: boolean; contactsLast30Days: number }
  record(customerKey: string, feedbackId: string, at: Date, complaint: boolean): void
  /** Takes back a contact recorded for an item that was then dead-lettered. */
  forget(customerKey: string, feedbackId: string): void
  size(): number
}

type Contact = { id: string; at: number; complaint: boolean }

const day = 24 * 3600 * 1000
// A complaint counts as an open problem this long after it arrived, unless a newer one renews it.
const openProblemMs = 14 * day
const windowMs = 30 * day
// Contacts kept per customer: the most a frequent-contact threshold may ask (rules.ts), bounded
// for floods; a fresh complaint is kept beyond it so that a flood does not hide the open problem.
const maxContacts = 100

export const createCustomerHistory = (opts: { maxCustomers?: number } = {}): CustomerHistory => {
  // Every instance follows the whole topic, so this bounds all instances' customers together,
  // the least recently heard from going first. A customer with one contact takes about 1.3 kB
  // of heap (keys are long strings), so the bound is some 250 MB.
  const maxCustomers = opts.maxCustomers ?? 200_000
  const seen = new Map<string, Contact[]>()
  return {
    get(customerKey, now, feedbackId) {
      const t = now.getTime()
      let contactsLast30Days = 0
      let openProblem = false
      for (const c of seen.get(customerKey) ?? []) {
        if (c.id === feedbackId || c.at > t) continue
        if (c.at >= t - windowMs) contactsLast30Days++
        if (c.complaint && t - c.at < openProblemMs) openProblem = true
      }
      return { openProblem, contactsLast30Days }
    },
    record(customerKey, feedbackId, at, complaint) {
      const list = seen.get(customerKey) ?? []
      seen.delete(customerKey)
      if (!list.some((c) => c.id === feedbackId)) {
        list.push({ id: feedbackId, at: at.getTime(), complaint })
        list.sort((a, b) => a.at - b.at)
      }
      const newest = list[list.length - 1]?.at ?? 0
      let kept = list.filter((c) => c.at >= newest - windowMs)
      if (kept.length > maxContacts) {
        const recent = kept.slice(-maxContacts)
        const complaint = kept
          .slice(0, -maxContacts)
          .findLast((c) => c.complaint && newest - c.at < openProblemMs)
        kept = complaint === undefined ? recent : [complaint, ...recent]
      }
      // Map keeps insertion order: re-inserting on use makes the first key the least recent.
      seen.set(customerKey, kept)
      if (seen.size > maxCustomers) {
        const oldest = seen.keys().next().value
        if (oldest !== undefined) seen.delete(oldest)
      }
    },
    forget(customerKey, feedbackId) {
      const list = seen.get(customerKey)
      if (list === undefined) return
      const kept = list.filter((c) => c.id !== feedbackId)
      if (kept.length === 0) seen.delete(customerKey)
      else seen.set(customerKey, kept)
    },
    size: () => seen.size,
  }
}
