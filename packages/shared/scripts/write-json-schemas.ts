// Writes JSON Schema files for every event payload, for consumers that do not use TypeScript.
// Run with `make schemas`; a unit test fails when the committed files are out of date.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderSchemas } from '../src/events/json-schemas.ts'

const dir = join(import.meta.dirname, '../schemas')
for (const [file, text] of Object.entries(renderSchemas())) writeFileSync(join(dir, file), text)
process.stdout.write(`wrote ${Object.keys(renderSchemas()).length} schemas to ${dir}\n`)
