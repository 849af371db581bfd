export {
  type ClickHouse,
  type ClickHouseClient,
  type ClickHouseOptions,
  createClickHouse,
} from './client.ts'
export { type Migration, migrate, readMigrations } from './migrator.ts'
