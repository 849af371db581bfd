import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { envFragments, loadConfig } from './load-config.ts'

const Schema = z.object({
  ...envFragments.kafka,
  ...envFragments.clickhouse,
  PORT: envFragments.port(8080),
})

describe('loadConfig', () => {
  it('applies defaults and splits the broker list', () => {
    const c = loadConfig(Schema, { KAFKA_BROKERS: 'a:9092, b:9092', CLICKHOUSE_URL: '' })
    expect(c.KAFKA_BROKERS).toEqual(['a:9092', 'b:9092'])
    expect(c.CLICKHOUSE_URL).toBeUndefined()
    expect(c.PORT).toBe(8080)
  })

  it('names every invalid variable', () => {
    expect(() => loadConfig(Schema, { PORT: 'eighty' })).toThrow(/PORT: /)
  })
})
