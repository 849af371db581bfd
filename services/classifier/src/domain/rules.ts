import { z } from 'zod'

const Code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'SCREAMING_SNAKE_CASE')
const Level = z.enum(['critical', 'high', 'normal', 'low'])
const Phrase = z.string().min(1).max(100)

/** Phrases that, when found in the text, add a reason with this code and weight. */
export const PhraseRule = z.object({
  code: Code,
  weight: z.number(),
  phrases: z.array(Phrase),
  // The level never goes below this when the rule fires (e.g. safety is always critical).
  minLevel: Level.optional(),
})
export type PhraseRule = z.infer<typeof PhraseRule>

/** Log-probability steps per class; a missing class is 0. */
export const ClassShift = z.object({
  negative: z.number().min(-10).max(10).optional(),
  neutral: z.number().min(-10).max(10).optional(),
  positive: z.number().min(-10).max(10).optional(),
})
export type ClassShift = z.infer<typeof ClassShift>
// The prior is new, so a misspelt class is refused rather than silently ignored.
const ClassPrior = ClassShift.strict()

/**
 * A pattern on which the sentiment model's verdict is adjusted: when it fires, `shift` is added to
 * the class log-probabilities. It fires on any of `phrases`, on a text that opens with one of
 * `opens` (after @mentions and greetings; "?" there means "contains a question mark"), or on a
 * phrase of `sequence.first` followed within `window` words by a phrase of `sequence.second` that is
 * not negated ("no delays"); and, if `requires` is given, one of its phrases occurs too. `unless`
 * phrases anywhere, or more than `maxWords` words, stop it.
 */
export const SentimentCue = z.object({
  code: Code,
  shift: ClassShift,
  phrases: z.array(Phrase).optional(),
  opens: z.array(Phrase).optional(),
  sequence: z
    .object({
      first: z.array(Phrase).min(1),
      second: z.array(Phrase).min(1),
      window: z.number().int().min(1).max(20),
      // By default both must stand in one sentence; true lets the second be in the next one.
      acrossSentences: z.boolean().optional(),
    })
    .optional(),
  // When given, one of these must occur too (e.g. first-person words: "my flight", not news).
  requires: z.array(Phrase).optional(),
  unless: z.array(Phrase).optional(),
  maxWords: z.number().int().min(1).optional(),
})
export type SentimentCue = z.infer<typeof SentimentCue>
const TenantCue = SentimentCue.extend({
  shift: ClassShift.strict(),
  sequence: SentimentCue.shape.sequence.unwrap().strict().optional(),
}).strict()

export const TopicDefinition = z.object({
  name: z.string().min(1).max(100),
  // Words or phrases; a trailing `*` matches word continuations (refund* → refunds, refunded).
  keywords: z.array(Phrase).min(1),
})
export type TopicDefinition = z.infer<typeof TopicDefinition>

/**
 * Everything the classifier decides by rule rather than by model. Tenants override it with a
 * partial object (see mergeRules); thresholds and weights are data, not code branches.
 */
export const ClassifierRules = z.object({
  version: z.string().min(1),
  language: z.object({
    // ISO 639-1 codes the sentiment model was trained on.
    supported: z.array(z.string().min(2).max(8)).min(1),
    // Below this detection confidence a non-supported guess is not trusted; the text is scored.
    minConfidence: z.number().min(0).max(1),
  }),
  sentiment: z.object({
    // A prediction less sure than this is flagged for a person (needsHuman).
    minConfidence: z.number().min(0).max(1),
    // Adjustments of the model's verdict on known patterns (sarcasm, plain questions).
    cues: z.array(SentimentCue).optional(),
    // Log-probability shifts applied to every scored text: the model is trained with balanced
    // classes, and the mix a business receives is not balanced (see default-rules.ts).
    classPrior: ClassPrior.optional(),
  }),
  urgency: z.object({
    // Summed reason weight at or above which each level starts; below `normal` it is low.
    levels: z.object({ critical: z.number(), high: z.number(), normal: z.number() }),
    phraseRules: z.array(PhraseRule),
    anger: z.object({
      // Sentiment score (−1…1) at or below which anger adds weight; the strongest band wins.
      bands: z.array(z.object({ maxScore: z.number().min(-1).max(1), weight: z.number() })),
      // Extra weight for shouting: three or more capitalised words or repeated "!!".
      shoutingWeight: z.number(),
    }),
    positiveWeight: z.number(),
    rating: z.object({
      // Bands on value/max (0…1); the lowest matching band wins.
      bands: z.array(z.object({ maxRatio: z.number().min(0).max(1), weight: z.number() })),
      highRatio: z.number().min(0).max(1),
      highWeight: z.number(),
    }),
    channel: z.record(z.string(), z.number()),
    tier: z.record(z.string(), z.number()),
    history: z.object({
      openProblemWeight: z.number(),
      // At most what the history keeps per customer (customer-history.ts).
      frequentContacts: z.number().int().min(1).max(100),
      frequentWeight: z.number(),
    }),
    contactRequestedWeight: z.number(),
    deadline: z.object({
      // A stated deadline within soonHours of now (or of when it was written) weighs soonWeight.
      weight: z.number(),
      soonHours: z.number().positive(),
      soonWeight: z.number(),
    }),
  }),
  contact: z.object({
    // Urgency at or above which someone must contact the customer even without negativity.
    minUrgency: Level,
    onNegative: z.boolean(),
    // Text in a language the models do not read goes to a person: it opens a follow-up, as
    // a complaint does, so that someone who reads it gets it with a promised contact time.
    onUnsupportedLanguage: z.boolean(),
  }),
  topics: z.object({
    taxonomy: z.array(TopicDefinition),
    minScore: z.number().min(0).max(1),
    maxTopics: z.number().int().min(1).max(20),
  }),
})
export type ClassifierRules = z.infer<typeof ClassifierRules>

/**
 * What a tenant may send: any part of the rules. Phrase rules merge by code and topics by name
 * (same name replaces, new name adds); `disableTopics` and `disableRules` remove defaults.
 */
export const TenantRuleOverrides = z
  .object({
    version: z.string().min(1).optional(),
    language: ClassifierRules.shape.language.partial().strict().optional(),
    sentiment: z
      .object({
        minConfidence: z.number().min(0).max(1).optional(),
        // Merged by code: same code replaces, new code adds; disableCues removes defaults. A
        // tenant's cue is checked strictly: a misspelt field ("unles") would silently do nothing.
        cues: z.array(TenantCue).optional(),
        disableCues: z.array(Code).optional(),
        // Replaces the default prior as a whole ({} turns it off).
        classPrior: ClassPrior.optional(),
      })
      .strict()
      .optional(),
    urgency: z
      .object({
        levels: ClassifierRules.shape.urgency.shape.levels.partial().strict().optional(),
        phraseRules: z.array(PhraseRule.strict()).optional(),
        disableRules: z.array(Code).optional(),
        anger: ClassifierRules.shape.urgency.shape.anger.partial().strict().optional(),
        positiveWeight: z.number().optional(),
        rating: ClassifierRules.shape.urgency.shape.rating.partial().strict().optional(),
        channel: z.record(z.string(), z.number()).optional(),
        tier: z.record(z.string(), z.number()).optional(),
        history: ClassifierRules.shape.urgency.shape.history.partial().strict().optional(),
        contactRequestedWeight: z.number().optional(),
        deadline: ClassifierRules.shape.urgency.shape.deadline.partial().strict().optional(),
      })
      .strict()
      .optional(),
    contact: ClassifierRules.shape.contact.partial().strict().optional(),
    topics: z
      .object({
        taxonomy: z.array(TopicDefinition.strict()).optional(),
        disableTopics: z.array(z.string()).optional(),
        minScore: z.number().min(0).max(1).optional(),
        maxTopics: z.number().int().min(1).max(20).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
export type TenantRuleOverrides = z.infer<typeof TenantRuleOverrides>

export type MergeRulesResult =
  | { ok: true; rules: ClassifierRules }
  | { ok: false; issues: { path: string; message: string }[] }

const byKey = <T>(base: T[], extra: T[] | undefined, key: (t: T) => string, drop: string[]) => {
  const out = new Map(base.map((b) => [key(b), b]))
  for (const e of extra ?? []) out.set(key(e), e)
  for (const d of drop) out.delete(d)
  return [...out.values()]
}

const absent = <T>(
  path: string,
  names: string[] | undefined,
  base: T[],
  key: (t: T) => string,
): { path: string; message: string }[] => {
  const known = new Set(base.map(key))
  return (names ?? []).flatMap((name, i) =>
    known.has(name) ? [] : [{ path: `${path}.${i}`, message: `nothing called ${name} to remove` }],
  )
}

/** Applies a tenant's overrides (unknown input, validated here) on top of `base`. */
export const mergeRules = (base: ClassifierRules, tenantOverrides: unknown): MergeRulesResult => {
  const parsed = TenantRuleOverrides.safeParse(tenantOverrides ?? {})
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    }
  }
  const o = parsed.data
  const u = o.urgency ?? {}
  const t = o.topics ?? {}
  const s = o.sentiment ?? {}
  // Removing what is not there is a typo that would otherwise change nothing, silently.
  const unknown = [
    ...absent('sentiment.disableCues', s.disableCues, base.sentiment.cues ?? [], (c) => c.code),
    ...absent('urgency.disableRules', u.disableRules, base.urgency.phraseRules, (r) => r.code),
    ...absent('topics.disableTopics', t.disableTopics, base.topics.taxonomy, (x) => x.name),
  ]
  if (unknown.length > 0) return { ok: false, issues: unknown }
  const cues = byKey(base.sentiment.cues ?? [], s.cues, (c) => c.code, s.disableCues ?? [])
  const merged = {
    version: o.version ?? `${base.version}+tenant`,
    language: { ...base.language, ...o.language },
    sentiment: {
      minConfidence: s.minConfidence ?? base.sentiment.minConfidence,
      ...(cues.length > 0 || base.sentiment.cues !== undefined ? { cues } : {}),
      ...(s.classPrior !== undefined || base.sentiment.classPrior !== undefined
        ? { classPrior: s.classPrior ?? base.sentiment.classPrior }
        : {}),
    },
    urgency: {
      ...base.urgency,
      levels: { ...base.urgency.levels, ...u.levels },
      phraseRules: byKey(
        base.urgency.phraseRules,
        u.phraseRules,
        (r) => r.code,
        u.disableRules ?? [],
      ),
      anger: { ...base.urgency.anger, ...u.anger },
      positiveWeight: u.positiveWeight ?? base.urgency.positiveWeight,
      rating: { ...base.urgency.rating, ...u.rating },
      channel: { ...base.urgency.channel, ...u.channel },
      tier: { ...base.urgency.tier, ...u.tier },
      history: { ...base.urgency.history, ...u.history },
      contactRequestedWeight: u.contactRequestedWeight ?? base.urgency.contactRequestedWeight,
      deadline: { ...base.urgency.deadline, ...u.deadline },
    },
    contact: { ...base.contact, ...o.contact },
    topics: {
      taxonomy: byKey(base.topics.taxonomy, t.taxonomy, (x) => x.name, t.disableTopics ?? []),
      minScore: t.minScore ?? base.topics.minScore,
      maxTopics: t.maxTopics ?? base.topics.maxTopics,
    },
  }
  const checked = ClassifierRules.safeParse(merged)
  if (!checked.success) {
    return {
      ok: false,
      issues: checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    }
  }
  const { levels } = checked.data.urgency
  if (!(levels.critical >= levels.high && levels.high >= levels.normal)) {
    return {
      ok: false,
      issues: [{ path: 'urgency.levels', message: 'need critical ≥ high ≥ normal' }],
    }
  }
  return { ok: true, rules: checked.data }
}
