import { describe, expect, it } from 'vitest'
import { halfOf, parseCsv, readApple, readSanders, SLICES } from './outside-sets.ts'

describe('outside complaint-tweet sets', () => {
  it('parses quoted CSV fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi""\r\nthere"\r\nd,e,f\n')).toEqual([
      ['a', 'b, c', 'say "hi"\r\nthere'],
      ['d', 'e', 'f'],
    ])
  })

  it('reads the Apple set: 1/3/5 as labels, without not_relevant, airline tweets or repeats', () => {
    const csv = [
      '_unit_id,sentiment,sentiment:confidence,text',
      '1,1,0.9,"@apple my phone died, again"',
      '2,5,1,@apple love it',
      '3,not_relevant,1,$AAPL up',
      '4,3,1,@united @apple which is better',
      '5,1,0.7,"@apple my phone died, again"',
    ].join('\n')
    expect(readApple(csv)).toEqual([
      { id: 'apple-1', text: '@apple my phone died, again', label: 'negative' },
      { id: 'apple-2', text: '@apple love it', label: 'positive' },
    ])
  })

  it('reads the Sanders set with or without its header, and slices tweets to the company', () => {
    const body = [
      '"google","neutral","11","Tue Oct 18 2011","@google is search down?"',
      '"apple","irrelevant","12","Tue Oct 18 2011","je suis"',
      '"microsoft","negative","13","Tue Oct 18 2011","RT @microsoft crashed again"',
    ].join('\n')
    const rows = readSanders(body)
    expect(rows.map((r) => r.id)).toEqual(['sanders-11', 'sanders-13'])
    expect(readSanders(`Topic,Sentiment,TweetId,TweetDate,TweetText\n${body}`)).toEqual(rows)
    const directed = SLICES.sanders?.directed
    expect(rows.map((r) => directed?.(r))).toEqual([true, false])
    expect(['tune', 'held']).toContain(halfOf('sanders-11'))
  })
})
