import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderSchemas } from './json-schemas.ts'

describe('committed JSON Schemas', () => {
  it.each(Object.entries(renderSchemas()))(
    '%s matches the zod contract (run make schemas)',
    (file, text) => {
      const committed = readFileSync(join(import.meta.dirname, '../../schemas', file), 'utf8')
      expect(committed).toBe(text)
    },
  )
})
