import type { FollowupState } from '@closeloop/shared/events'
import { describe, expect, it } from 'vitest'
import { createFollowupStore } from './followup-store.ts'

const state = (id: string, customerKey: string, version: number): FollowupState => ({
  followupId: id,
  tenantId: 'demo',
  customerKey,
  status: 'open',
  ownerId: 'bob',
  urgency: 'normal',
  feedbackIds: [`f-${id}-${version}`],
  openedAt: '2026-12-01T10:00:00.000Z',
  contactBy: '2026-12-02T10:00:00.000Z',
  remindersSent: [],
  escalations: 0,
  updatedAt: '2026-12-01T10:00:00.000Z',
  version,
})

describe('follow-up store save points', () => {
  it('drops what one dead-lettered input staged and keeps the rest of the batch', () => {
    const store = createFollowupStore()
    store.mark()
    store.stage(state('a', 'demo/c1', 1))
    // The next input opens a follow-up for c2 and updates a: then it is dead-lettered.
    store.mark()
    store.stage(state('b', 'demo/c2', 1))
    store.stage(state('a', 'demo/c1', 2))
    store.undoToMark()
    expect(store.openFor('demo/c2')).toBeUndefined()
    expect(store.get('a')?.version).toBe(1)
    store.commit()
    expect(store.get('a')?.version).toBe(1)
    expect(store.get('b')).toBeUndefined()
    expect(store.size()).toBe(1)
  })
})
