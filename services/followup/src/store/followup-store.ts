import type { FollowupState } from '@closeloop/shared/events'

/**
 * Current follow-ups, rebuilt from the state changelog. Writes are staged until the consumer's
 * outputs are acknowledged (`commit`) or dropped when they were not (`rollback`).
 */
export type FollowupStore = {
  openFor(customerKey: string): FollowupState | undefined
  get(followupId: string): FollowupState | undefined
  list(filter: { tenantId: string; ownerIds?: string[] }): FollowupState[]
  openLoad(tenantId: string, ownerId: string): number
  stage(state: FollowupState): void
  commit(): void
  rollback(): void
  // A save point per input: `undoToMark` drops what was staged since `mark`, when that one
  // input is dead-lettered and the rest of the batch goes on.
  mark(): void
  undoToMark(): void
  // Replay: a changelog record applied as committed (newest version wins).
  restore(state: FollowupState): void
  size(): number
}

export const createFollowupStore = (): FollowupStore => {
  const byId = new Map<string, FollowupState>()
  const openByCustomer = new Map<string, string>()
  let staged = new Map<string, FollowupState>()
  // What each stage() since the mark replaced (undefined: nothing was staged for that id).
  let journal: [string, FollowupState | undefined][] = []

  const current = (id: string) => staged.get(id) ?? byId.get(id)

  const apply = (s: FollowupState) => {
    const known = byId.get(s.followupId)
    if (known && known.version >= s.version) return
    byId.set(s.followupId, s)
    if (s.status === 'resolved') {
      if (openByCustomer.get(s.customerKey) === s.followupId) openByCustomer.delete(s.customerKey)
    } else openByCustomer.set(s.customerKey, s.followupId)
  }

  const all = () => {
    const merged = new Map(byId)
    for (const [id, s] of staged) merged.set(id, s)
    return [...merged.values()]
  }

  return {
    openFor(customerKey) {
      for (const s of staged.values()) {
        if (s.customerKey === customerKey && s.status !== 'resolved') return s
      }
      const id = openByCustomer.get(customerKey)
      return id ? current(id) : undefined
    },
    get: current,
    list: ({ tenantId, ownerIds }) =>
      all()
        .filter((s) => s.tenantId === tenantId && (!ownerIds || ownerIds.includes(s.ownerId)))
        .sort((a, b) => a.contactBy.localeCompare(b.contactBy)),
    openLoad: (tenantId, ownerId) =>
      all().filter(
        (s) => s.tenantId === tenantId && s.ownerId === ownerId && s.status !== 'resolved',
      ).length,
    stage(state) {
      journal.push([state.followupId, staged.get(state.followupId)])
      staged.set(state.followupId, state)
    },
    commit() {
      for (const s of staged.values()) apply(s)
      staged = new Map()
      journal = []
    },
    rollback() {
      staged = new Map()
      journal = []
    },
    mark() {
      journal = []
    },
    undoToMark() {
      for (const [id, before] of journal.reverse()) {
        if (before === undefined) staged.delete(id)
        else staged.set(id, before)
      }
      journal = []
    },
    restore: apply,
    size: () => byId.size,
  }
}
