// Text normalisation and tokenisation shared by training and inference: both must see the same
// tokens, so the training script imports this file rather than re-implementing it.

const URL_RE = /(?:https?:\/\/|www\.)\S+/gi
const MENTION_RE = /(^|[^\w])@\w+/g
const ELONGATED_RE = /(\p{L})\1{2,}/gu
// A hashtag's words: "#CustomerServiceFail" → "Customer Service Fail" ("#fail" → "fail").
const HASHTAG_RE = /#([\p{L}\p{N}_]+)/gu
// Markers that turn what precedes them into sarcasm: "#not", "#sarcasm", or a closing "… Not!".
const SARCASM_TAG_RE = /#(?:not|notreally|sarcasm|sarcastic)\b/gi
// Not after "?": "Was the driver late? Not." answers. One character class at the end keeps the
// match linear in the text's length.
const CLOSING_NOT_RE = /([.!]\s*)not[\s.!]*$/i
const CAMEL_RE = /(\p{Ll})(\p{Lu})/gu
const splitHashtag = (_: string, tag: string) =>
  ` ${tag.replace(CAMEL_RE, '$1 $2').replaceAll('_', ' ')} `
// Text from Twitter's API and from some web forms arrives HTML-escaped: "AT&amp;T", "&lt;3",
// "don&#39;t". Left so, "&lt;3" is no heart and "#39" reads as a hashtag.
const ENTITY_RE = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([\da-f]{1,6}));/gi
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decodeEntity = (entity: string, name?: string, dec?: string, hex?: string): string => {
  if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? entity
  const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16)
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
  return valid ? String.fromCodePoint(code) : entity
}
/** Decodes the HTML entities that escaped text carries: the five named ones and numeric ones. */
export const decodeEntities = (text: string): string =>
  text.includes('&') ? text.replace(ENTITY_RE, decodeEntity) : text

const TOKEN_RE =
  /@user|[:;=]-?[()dpDP/\\|]|<3|[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[!?]+|[.,;:]|\p{Extended_Pictographic}/gu

/**
 * Decodes HTML entities, lower-cases and replaces URLs, @mentions, sarcasm markers ("#not" → sarcasm), hashtags (split
 * into their words) and elongations ("soooo" → "soo") by stable forms.
 */
export const normaliseText = (text: string): string => {
  const lower = decodeEntities(text)
    .replace(URL_RE, ' httpurl ')
    .replace(MENTION_RE, '$1 @user ')
    .replace(SARCASM_TAG_RE, ' sarcasm ')
    .replace(CLOSING_NOT_RE, '$1 sarcasm')
    .replace(HASHTAG_RE, splitHashtag)
    .toLowerCase()
  return hasRunOfThree(lower) ? lower.replace(ELONGATED_RE, '$1$1') : lower
}

// Most texts have no character three times running: a plain scan spares them the Unicode regex.
// Characters beyond the BMP (two code units each) are left to the regex.
const hasRunOfThree = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdfff) return true
    if (i >= 2 && c === s.charCodeAt(i - 1) && c === s.charCodeAt(i - 2)) return true
  }
  return false
}

/** Tokens of normalised text: words (apostrophes kept), ?! runs, clause punctuation, emoji. */
export const tokenize = (normalised: string): string[] => {
  const out: string[] = []
  for (const m of normalised.matchAll(TOKEN_RE)) {
    let t = m[0]
    if (t.includes('’')) t = t.replaceAll('’', "'")
    if (t.length > 1 && (t[0] === '!' || t[0] === '?')) t = t.includes('?') ? '?' : '!'
    out.push(t)
  }
  return out
}

const WORD_START_RE = /^[\p{L}\p{N}]/u

/** True for a token made of letters or digits (not punctuation, emoticon or emoji). */
export const isWord = (t: string): boolean => WORD_START_RE.test(t)

/** FNV-1a 32-bit over UTF-16 code units, seeded so feature families do not share buckets. */
export const hashString = (s: string, seed: number): number => {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Combines two hashes into one (for bigrams); order matters. */
export const hashPair = (a: number, b: number): number => {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h ^ b, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** FNV-1a 32-bit over UTF-8 bytes: the data split rule `fnv1a32("split:" + id) % 10 == 0`. */
export const fnv1a32Utf8 = (s: string): number => {
  let h = 0x811c9dc5
  for (const byte of new TextEncoder().encode(s)) {
    h ^= byte
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Cuts a string for an event field of at most `max` characters, marking the cut with "…". */
export const clip = (s: string, max = 200): string =>
  // A cut between the halves of a surrogate pair drops the dangling half.
  s.length <= max ? s : `${s.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…`
