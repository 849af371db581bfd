import { describe, expect, it } from 'vitest'
import { decodeEntities, normaliseText, tokenize } from './text.ts'

describe('decodeEntities', () => {
  it('decodes the named entities and numeric ones that escaped tweets carry', () => {
    expect(decodeEntities('AT&amp;T &lt;3 &gt; &quot;hi&quot; it&apos;s')).toBe(
      'AT&T <3 > "hi" it\'s',
    )
    expect(decodeEntities('don&#39;t &#x1F600;')).toBe("don't 😀")
  })

  it('leaves what is no entity, or no character, as it is', () => {
    expect(decodeEntities('fish & chips &bogus; &#0; &#xD800; &#99999999;')).toBe(
      'fish & chips &bogus; &#0; &#xD800; &#99999999;',
    )
    // Decoded once: a doubly escaped heart stays escaped text.
    expect(decodeEntities('&amp;lt;3')).toBe('&lt;3')
  })
})

describe('normaliseText', () => {
  it('gives escaped and plain text the same tokens', () => {
    const plain = tokenize(normaliseText("I <3 AT&T, don't #fail"))
    expect(tokenize(normaliseText('I &lt;3 AT&amp;T, don&#39;t #fail'))).toEqual(plain)
    expect(plain).toContain('<3')
    expect(plain).not.toContain('39')
  })
})
