// Small, fast language identification: the writing system first, then, for Latin script,
// common function words and letters peculiar to a language. It only has to tell English from
// everything else reliably; the other codes are best effort.

import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { normaliseText, tokenize } from './text.ts'

export type DetectedLanguage = { code: string; confidence: number }

type Eld = { detect(text: string): { language: string; getScores(): Record<string, number> } }
// undefined: not loaded yet; null: it failed to load, and texts go without a second opinion.
let eld: Eld | null | undefined
// ELD (Nito-ELD, Apache-2.0): n-gram language detection, asked only about the few texts whose
// function words lean foreign without settling it. Its database costs some 45 MB of heap and
// 0.3 s to load, so it is loaded the first time it is needed, not by every process.
const loadEld = (): Eld | null => {
  try {
    const require = createRequire(import.meta.url)
    // The package exports this entry for import only; require() of an ES module is synchronous.
    return (require(fileURLToPath(import.meta.resolve('eld/small'))) as { eld: Eld }).eld
  } catch (err) {
    process.emitWarning(`language: ELD did not load, short texts get no second opinion: ${err}`)
    return null
  }
}
// Its verdict counts only well clear of English: on two or three words, names and English
// slang ("hay fever", "las vegas trip cancelled") score a little above English in some language.
const ELD_MARGIN = 1.15
const ELD_FLOOR = 0.6
const secondOpinion = (text: string): string | null => {
  if (eld === undefined) eld = loadEld()
  if (eld === null) return null
  const result = eld.detect(text)
  if (result.language === '' || result.language === 'en') return null
  const scores = result.getScores()
  const top = scores[result.language] ?? 0
  const en = scores.en ?? 0
  return (en === 0 ? top >= ELD_FLOOR : top >= en * ELD_MARGIN) ? result.language : null
}
// Below a function-word verdict's usual confidence, above the default minimum (0.35).
const SECOND_OPINION_CONFIDENCE = 0.5

const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/gu, 'ja'],
  [/[\uac00-\ud7af\u1100-\u11ff]/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Bengali}/gu, 'bn'],
  [/\p{Script=Tamil}/gu, 'ta'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Ethiopic}/gu, 'am'],
  [/\p{Script=Georgian}/gu, 'ka'],
  [/\p{Script=Armenian}/gu, 'hy'],
]
const LATIN_RE = /\p{Script=Latin}/gu
const NON_LATIN_LETTER_RE = /[^\p{Script=Latin}\P{L}]/u
const ANY_LETTER_RE = /\p{L}/u
// The letters peculiar to a language (LETTERS) are all outside ASCII.
const NON_ASCII_RE = /[\u0080-\u{10ffff}]/u
// Latin letters with accents (emoji and symbols are no evidence of a language).
const ACCENTED_RE = /[\u00c0-\u024f]/u
// Accented words that English writes too; a capitalised word is taken for a name ("José").
const LOANWORDS = new Set(
  'café cafés naïve résumé fiancé fiancée cliché entrée entrées jalapeño jalapeños piñata déjà vu façade protégé rosé sauté sautéed purée crème brûlée soufflé pâté décor señor señora mañana niño exposé touché über doppelgänger'.split(
    ' ',
  ),
)
const CAPITALISED_RE = /\p{Lu}[\p{L}']*/gu

// A word listed twice would count twice.
const words = (s: string) => [...new Set(s.split(' '))]
const FUNCTION_WORDS: Record<string, string[]> = {
  en: words(
    "a as go the and is are was were to of in it that this for with my you i not have has be on at but they your me we just so what how why can will do does did get got from an or would could should there their please thanks thank very about when all if our us he she him her it's i'm don't can't been any no yes",
  ),
  es: words(
    'el la que de y en un una es por para con no muy pero mi se lo del al como más mas este esta está fue yo tu su gracias hola bueno nada todo porque pedido también me te le les sobre hasta desde cuando donde nunca siempre todavía nadie ni vez veces mucho mucha muchos muchas poco hace tengo tiene están estoy eso esto ese esa ahora aquí pésimo servicio dinero llegó aplicación reembolso atención hay sin era dos',
  ),
  fr: words(
    "le la les des et est un une du pour pas que qui dans avec je tu il elle nous vous mon ma mes ce cette sur très tres mais merci bonjour au aux ne ça c'est j'ai n'est jamais toujours rien personne depuis avez avoir suis sont été fait faire aussi encore mauvais nul commande livraison remboursement réponse colis svp arrivée",
  ),
  de: words(
    'der die das und ist nicht ein eine ich du sie wir mit für fur auf zu den dem sehr aber danke bitte kein keine auch es noch wie mein meine meinen mir mich habe haben wird wurde nach seit schon immer nur kann keinen nichts bestellung geld zurück kundenservice lieferung paket antwort schlecht schlechter wieder',
  ),
  pt: words(
    'o a os as que de e em um uma é não nao muito mas por para eu você voce obrigado obrigada está do da dos das no na pelo pela meu minha meus minhas já ainda nunca sempre ninguém nada foi tem tenho estou isso isto esse essa aqui ruim péssimo atendimento dinheiro aplicativo entrega volta',
  ),
  it: words(
    'il lo la gli le che di e è un una non con sono mi ma molto grazie del della questo questa anche ho mio mia miei mie stato ancora mai sempre nessuno niente già hanno fatto pessimo ordine soldi servizio consegna risposta rimborso',
  ),
  nl: words(
    'de het een en is niet van ik je met op voor dat die zijn maar heel geen ook wel nog naar mijn wij zij hebben heb heeft wordt werd nooit altijd niemand niets nu bestelling geld terug klantenservice pakket slecht slechte bedankt',
  ),
  id: words(
    'yang dan di ini itu tidak saya untuk dengan ada aplikasi sangat bisa tapi sudah belum terima kasih pesanan sampai pelayanan buruk tolong kembalikan uang bantuannya sekali banget',
  ),
  tr: words(
    've bir bu çok cok için icin ama değil degil da de ne var yok teşekkürler benim siparişim sipariş param iade hizmet berbat uygulama gelmedi hala hiç neden',
  ),
  pl: words('i w nie na się sie jest to że ze z do jak ale bardzo dziękuję mnie mój moja już'),
  sv: words(
    'och att det som en är inte jag på med för har mycket mina kommit aldrig alltid ingen ingenting beställning pengarna tillbaka kundtjänst dålig',
  ),
  tl: words(
    'ang mga ng sa hindi po ako ko ito na naman salamat dumating bagal talaga wala walang yung kasi lang din rin',
  ),
}
const LETTERS: [RegExp, string][] = [
  [/[ñ¿¡]/u, 'es'],
  [/[çœêèà]/u, 'fr'],
  [/[ß]/u, 'de'],
  [/[ãõ]/u, 'pt'],
  [/[ğşı]/u, 'tr'],
  [/[łśżźąęć]/u, 'pl'],
  [/[å]/u, 'sv'],
]
const WORD_INDEX = new Map<string, string[]>()
for (const [lang, list] of Object.entries(FUNCTION_WORDS)) {
  for (const w of list) WORD_INDEX.set(w, [...(WORD_INDEX.get(w) ?? []), lang])
}
const W_SLASH_RE = /(?<![\p{L}\p{N}])w\//gu

const WORD_RE = /^\p{L}[\p{L}']*$/u
// normaliseText's stand-in for a link (mentions become "@user", which is no word).
const LINK = 'httpurl'

/**
 * Detects the language of `text`; Latin text with no evidence either way counts as English.
 * Words are read from `tokens`, tokenize(normaliseText(text)), which classify() already has:
 * hashtags count as their words, and links and mentions do not count at all.
 */
export const detectLanguage = (
  text: string,
  tokens: readonly string[] = tokenize(normaliseText(text)),
): DetectedLanguage => {
  if (!ANY_LETTER_RE.test(text)) return { code: 'und', confidence: 0 }
  // Most feedback is Latin script only: the per-script counts are needed only when it is not.
  if (NON_LATIN_LETTER_RE.test(text)) {
    const letters = text.replace(/[^\p{L}]/gu, '')
    const latin = letters.match(LATIN_RE)?.length ?? 0
    let best = 'und'
    let bestCount = 0
    for (const [re, code] of SCRIPTS) {
      const c = letters.match(re)?.length ?? 0
      if (c > bestCount) {
        best = code
        bestCount = c
      }
    }
    if (bestCount > latin) {
      return { code: best, confidence: Math.min(1, 0.5 + (0.5 * bestCount) / letters.length) }
    }
  }
  const scores = new Map<string, number>()
  const seen: string[] = []
  // Each word counts once: "ya know ya gotta love it" is not twice Spanish.
  const counted = new Set<string>()
  // Words of two letters or more listed for another language and not for English.
  let foreignWords = 0
  const lower = text.toLowerCase()
  // English tweets write "w/" for "with": that "w" is no Polish word.
  let shorthand = lower.includes('w/') ? (lower.match(W_SLASH_RE)?.length ?? 0) : 0
  const count = (w: string) => {
    seen.push(w)
    if (w === 'w' && shorthand > 0) {
      shorthand--
      return
    }
    if (counted.has(w)) return
    counted.add(w)
    const langs = WORD_INDEX.get(w)
    if (langs === undefined) return
    if (w.length >= 2 && !langs.includes('en')) foreignWords++
    // A word shared by several languages is weaker evidence for each of them.
    for (const l of langs) scores.set(l, (scores.get(l) ?? 0) + 1 / langs.length)
  }
  for (const t of tokens) if (t !== LINK && WORD_RE.test(t)) count(t)
  // Only mentions and links: there is nothing written in any language.
  if (seen.length === 0) return { code: 'und', confidence: 0 }
  // Accents and letters peculiar to a language, in words that are neither names nor loanwords.
  let accented = false
  if (NON_ASCII_RE.test(lower)) {
    const names = new Set(Array.from(text.matchAll(CAPITALISED_RE), (m) => m[0].toLowerCase()))
    const marked = [...counted]
      .filter((w) => NON_ASCII_RE.test(w) && !names.has(w) && !LOANWORDS.has(w))
      .join(' ')
    accented = ACCENTED_RE.test(marked)
    for (const [re, code] of LETTERS) {
      if (!re.test(marked)) continue
      scores.set(code, (scores.get(code) ?? 0) + 1)
      foreignWords++
    }
  }
  let best = 'en'
  let bestScore = scores.get('en') ?? 0
  let total = 0
  let foreign = 0
  for (const [l, s] of scores) {
    total += s
    if (l !== 'en' && s > foreign) foreign = s
    if (s > bestScore) {
      best = l
      bestScore = s
    }
  }
  // Short words shared across languages ("a", "as", "w", "no") are weak: calling a text foreign
  // on function words alone takes at least two words' worth of evidence.
  if (best === 'en' || bestScore < 2) {
    // Short foreign texts ("mi vuelo fue cancelado", "pésimo servicio") seldom have that much.
    // When what there is points away from English, a character n-gram detector decides.
    const en = scores.get('en') ?? 0
    const leansForeign =
      seen.length >= 2 && ((foreign >= en + 1 && foreignWords > 0) || (en < 1 && accented))
    if (leansForeign) {
      const code = secondOpinion(seen.join(' '))
      if (code !== null) return { code, confidence: SECOND_OPINION_CONFIDENCE }
    }
    if (total === 0) return { code: 'en', confidence: seen.length <= 3 ? 0.5 : 0.3 }
    if (best !== 'en') return { code: 'en', confidence: 0.3 }
  }
  // Evidence grows with the number of function words found and their agreement.
  const agreement = bestScore / total
  const amount = 1 - Math.exp(-bestScore / 1.5)
  return { code: best, confidence: Math.round(agreement * amount * 1000) / 1000 }
}
