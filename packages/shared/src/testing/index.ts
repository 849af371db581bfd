export { createFakeClock, type FakeClock } from './fake-clock.ts'
export { createMemoryPublisher, type MemoryPublisher } from './memory-publisher.ts'
