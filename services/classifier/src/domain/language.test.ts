import { describe, expect, it } from 'vitest'
import { detectLanguage } from './language.ts'
import { normaliseText, tokenize } from './text.ts'

const withTokens = (text: string) => detectLanguage(text, tokenize(normaliseText(text)))

describe('detectLanguage', () => {
  const cases: [string, string][] = [
    ['My order came broken and nobody called back.', 'en'],
    ['@united thanks for the great flight', 'en'],
    ['good app', 'en'],
    ['El pedido llegó tarde y nadie me devolvió el dinero', 'es'],
    ["Je n'ai pas reçu ma commande et le service client ne répond pas", 'fr'],
    ['Die Lieferung ist nicht angekommen und ich bin sehr unzufrieden', 'de'],
    ['O produto chegou quebrado e não consigo falar com ninguém', 'pt'],
    ['Zamówienie nie dotarło i nikt nie odpowiada, to jest bardzo słaba obsługa', 'pl'],
    // Shorthand English, not Polish "w" and "i".
    ['iphones r 2 expensive. Most went w/ htc/galaxy. No customer loyalty w/phone comp..', 'en'],
    ['stuck w/ no help, i w/ my kids at the counter', 'en'],
    // Short complaints with one or two function words, or only accents: ELD's second opinion.
    ['mi vuelo fue cancelado', 'es'],
    ['pésimo servicio', 'es'],
    ['me atendieron muy bien', 'es'],
    ['je veux annuler mon abonnement', 'fr'],
    ['Fahrer ist nie gekommen', 'de'],
    ['não consigo entrar na minha conta', 'pt'],
    ['mi hanno addebitato due volte', 'it'],
    ['de chauffeur kwam nooit', 'nl'],
    ['fatalna obsługa klienta', 'pl'],
    ['muy malo', 'es'],
    ['niet goed', 'nl'],
    // English with a word or a sign that other languages share stays English.
    ['i love em !', 'en'],
    ['Ya know ya gotta love it', 'en'],
    ['Las Vegas trip cancelled', 'en'],
    ['@JetBlue Las Vegas flight delayed again', 'en'],
    ['Funny men', 'en'],
    ['Ben super helpful', 'en'],
    ['Pls dont come :)', 'en'],
    ['5 dollars per month', 'en'],
    ['Order from amazon.com never came', 'en'],
    // Accented names and loanwords are no evidence.
    ['Best café ever', 'en'],
    ['José amazing', 'en'],
    ['Über fast delivery', 'en'],
    ['naïve question', 'en'],
    ['nice fast app', 'en'],
    ['Excellent service 👏', 'en'],
    ['Awesome driver 👌👏😎', 'en'],
    ['Cafe was closed, no crème brûlée', 'en'],
    ['我的订单还没有到', 'zh'],
    ['Заказ так и не пришёл', 'ru'],
    ['لم يصل طلبي بعد', 'ar'],
    ['注文した商品がまだ届きません', 'ja'],
    ['', 'und'],
    ['12345 !!!', 'und'],
  ]
  for (const [text, code] of cases) {
    it(`tells ${code} in "${text}"`, () => {
      expect(detectLanguage(text).code).toBe(code)
      // classify() passes the tokens it already has; the verdict must not depend on that.
      expect(withTokens(text).code).toBe(code)
    })
  }

  it('finds no language in a text that is only mentions and links, when given its tokens', () => {
    expect(withTokens('@company').code).toBe('und')
    expect(withTokens('@company https://t.co/abc').code).toBe('und')
    expect(withTokens('@company thanks').code).toBe('en')
  })
})
