import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

// Word lists the model counts as features. Their weights are learned from the labelled data;
// the lists only group evidence so that rare phrasings share strength across domains.

const require = createRequire(import.meta.url)

/** VADER's valence lexicon (−4…4), from the vader-sentiment package (Apache-2.0). */
export const loadVaderValence = (): Record<string, number> => {
  const path = require.resolve('vader-sentiment/vader_lexicon.txt')
  const out: Record<string, number> = {}
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word, mean] = line.split('\t')
    if (word === undefined || mean === undefined || word.length === 0) continue
    const v = Number(mean)
    if (Number.isFinite(v)) out[word.toLowerCase()] = Math.round(v * 10) / 10
  }
  return out
}

/**
 * Valence (VADER's −4…4 scale) for common emoji, which VADER's word list lacks. Written for this
 * project; emoji whose use is mixed (😂 😭 😱 🔥) are left out and learned from data only.
 */
export const EMOJI_VALENCE: Record<string, number> = {
  '😀': 2,
  '😃': 2,
  '😄': 2,
  '😁': 2,
  '😆': 1.5,
  '😊': 2,
  '🙂': 1,
  '☺': 2,
  '😍': 3,
  '🥰': 3,
  '😘': 2,
  '😇': 2,
  '🤗': 2,
  '🥳': 2.5,
  '😎': 1.5,
  '👍': 2,
  '👏': 2,
  '🙌': 2,
  '👌': 1.5,
  '💪': 1.5,
  '❤': 3,
  '♥': 3,
  '💕': 3,
  '💖': 3,
  '💗': 3,
  '💙': 2.5,
  '💚': 2.5,
  '💜': 2.5,
  '💯': 1.5,
  '🎉': 2,
  '✨': 1,
  '🙏': 1,
  '✅': 1,
  '⭐': 1.5,
  '🌟': 1.5,
  '😡': -3,
  '😠': -3,
  '🤬': -3.5,
  '😤': -2,
  '😒': -2,
  '🙄': -2,
  '😞': -2,
  '😔': -1.5,
  '😢': -2,
  '😩': -2,
  '😫': -2,
  '😣': -2,
  '😖': -2,
  '😓': -1.5,
  '😕': -1.5,
  '😟': -1.5,
  '☹': -2,
  '🙁': -1.5,
  '😑': -1,
  '🤦': -2,
  '🤮': -3,
  '🤢': -2.5,
  '👎': -2.5,
  '💔': -2.5,
  '😾': -2,
}

/**
 * VADER words that are not sentiment in messages to a company: requests ("please help") and the
 * names of the service ("customer care", "support"). Leaving them out changed the held-out
 * complaint tweets by less than noise; the words keep the weights the data gives them.
 */
export const SERVICE_NEUTRAL_WORDS = [
  'help',
  'helping',
  'helps',
  'please',
  'pls',
  'support',
  'care',
]

/** The valence lexicon stored in the model: VADER's words and emoticons plus EMOJI_VALENCE. */
export const loadValence = (): Record<string, number> => {
  const out: Record<string, number> = { ...loadVaderValence(), ...EMOJI_VALENCE }
  for (const w of SERVICE_NEUTRAL_WORDS) delete out[w]
  return out
}

const list = (s: string) => s.split('|').map((p) => p.trim())

/** Cue families; names starting with `problem` count as service problems. */
export const CUES: Record<string, string[]> = {
  problem_wait: list(
    "still waiting|waiting|waited|wait time|on hold|hold for|put on hold|hold music|been waiting|delayed|delay|delays|late|hours|hrs|mins|forever|took forever|no show|never showed|never arrived|never came|never received|not received|yet to receive|still no|still not|still have not|still haven't|hasn't arrived|didn't arrive|not arrived|not here|no update|no updates|no info|no information",
  ),
  problem_money: list(
    'refund|refunds|no refund|charged|charged twice|double charged|overcharged|fee|fees|money back|my money|chargeback|scam|rip off|ripoff',
  ),
  problem_cancel: list(
    'cancelled|canceled|cancellation|cancel|cancelling|canceling|rebook|rebooked|missed|missed my|missed connection|overbooked|overbooking|diverted|bumped',
  ),
  problem_broken: list(
    "lost|missing|stolen|wrong|wrong order|damaged|broken|broke|stuck|stranded|error|crash|crashes|crashed|not working|doesnt work|does not work|won't let|wont let|unable|fail|failed|fails|glitch|bug|is down|been down|outage|not loading|won't load|keeps crashing|logged out|locked out|declined|misplaced",
  ),
  problem_service: list(
    'customer service|no response|no reply|no answer|not responding|hung up|ignored|nobody|no one|rude|unhelpful|useless|unacceptable|ridiculous|pathetic|joke|worst|terrible|horrible|awful|disappointed|disappointing|frustrated|frustrating|annoyed|angry|again|no help|runaround|run around|transferred|disconnected|hung up on|ignoring|incompetent|unprofessional|never again|lost a customer|epic fail',
  ),
  problem_product: list(
    "keeps dying|keeps crashing|keeps freezing|keeps restarting|keeps closing|keeps deleting|dies|died|dying|draining|drains|overheating|freezes|froze|frozen|laggy|lagging|stopped working|stops working|won't turn on|won't charge|not charging|won't open|won't work|isn't working|don't work|didn't work|never works|nothing works|disappeared|disappears|deleted|erased|wiped|bricked|buggy|bugs|crashing|fell apart|falls apart|cracked|no signal|dropped calls",
  ),
  demand: list(
    'fix this|fix it|fix your|please fix|need to fix|needs to fix|get it together|get your act together|get your life together|step it up|step up|do better|sort it out|sort this out|make better|explain yourselves|explain yourself',
  ),
  churn: list(
    "switch to|switching to|switched to|going back to|moving to|done with|i'm done|im done|never buying|never again|never using|won't be using|last time i|cancel my|take my business|lost a customer",
  ),
  anger: list(
    'wtf|ffs|smh|fml|fuck|fucking|fuckin|shit|shitty|bullshit|bs|crap|crappy|sucks|suck|screw you|damn|trash|garbage|pissed|ugh|stupid|idiots|dumb|hate|annoying|fed up|sick of|tired of|had enough',
  ),
  complaint_question: list(
    "why is|why does|why do|why can't|why won't|why would|why did|why'd|why are|why isn't|why doesn't|why don't|how many times|how long do i|when are you going to|when will you|what happened to|what's wrong with|whats wrong with|are you kidding|are you serious",
  ),
  sarcasm: list(
    'thanks for nothing|thanks a lot|way to go|so much for|yeah right|love how|love when|just great|oh great|as usual|what a joke|gotta love|another delay|another hour|not again|sarcasm',
  ),
  request: list(
    "can you|could you|can i|how do i|how can i|how to|is there|are there|do you|does anyone|will you|when will|when is|when does|what time|where is|where can|dm|dm me|dm us|send me|let me know|any update|any news|info|question|wondering|need to|help me|please|pls|plz|i need|i would like|i'd like|follow me|follow back|direct message|is it possible|do i need|how long|how much|whats the|what's the",
  ),
  gratitude: list(
    'thanks|thank you|thx|ty|appreciate|appreciated|grateful|kudos|shoutout|shout out|props|great service|best|love|awesome|amazing|excellent|thank u|thanx|cheers|well done|much appreciated|you rock|great job|good job|helpful|friendly',
  ),
}
