import { readFileSync } from 'node:fs'
import { defaultRules } from '../src/domain/default-rules.ts'
import { type ClassifierRules, mergeRules } from '../src/domain/rules.ts'

/**
 * The CLI's `--rules FILE` option: a JSON file of rule overrides, the same object a tenant has as
 * `classifierRules` in the tenants file, merged on the default rules as the service merges them.
 * So a backfill or an evaluation reads feedback the way the service reads that tenant's.
 */
export type RulesOption =
  | { ok: true; rules: ClassifierRules; rest: string[] }
  | { ok: false; message: string }

export const takeRulesOption = (argv: readonly string[]): RulesOption => {
  const rest: string[] = []
  let file: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--rules' || arg.startsWith('--rules=')) {
      const value = arg === '--rules' ? argv[++i] : arg.slice('--rules='.length)
      if (value === undefined || value === '') return { ok: false, message: '--rules needs a FILE' }
      if (file !== undefined) return { ok: false, message: '--rules given twice' }
      file = value
    } else rest.push(arg)
  }
  if (file === undefined) return { ok: true, rules: defaultRules, rest }
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    return { ok: false, message: `${file}: cannot read rules: ${reason}` }
  }
  // A tenant without overrides: jq prints null for its missing classifierRules.
  if (raw === null) return { ok: true, rules: defaultRules, rest }
  const merged = mergeRules(defaultRules, raw)
  if (!merged.ok) {
    const issues = merged.issues.map((i) => `  ${i.path === '' ? '(top)' : i.path}: ${i.message}`)
    return { ok: false, message: `${file}: invalid rules\n${issues.join('\n')}` }
  }
  return { ok: true, rules: merged.rules, rest }
}
