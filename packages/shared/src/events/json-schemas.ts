import { z } from 'zod'
import { topics } from './topics.ts'

/** One JSON Schema (draft 2020-12) per topic payload, named after the topic: file name → text. */
export const renderSchemas = (): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const spec of Object.values(topics)) {
    const schema = z.toJSONSchema(spec.schema, { target: 'draft-2020-12', io: 'output' })
    const doc = {
      $id: `https://closeloop.dev/schemas/${spec.name}.schema.json`,
      title: spec.name,
      description: `Payload (CloudEvents data) of ${spec.name}; events have type ${spec.ceType}${spec.name === 'followup.events.v1' ? '.<kind>.v1' : ''}.`,
      ...schema,
    }
    out[`${spec.name}.schema.json`] = `${JSON.stringify(doc, null, 2)}\n`
  }
  return out
}
