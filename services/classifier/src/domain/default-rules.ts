import type { ClassifierRules } from './rules.ts'

// Phrase lists are written '|'-separated to keep this data readable.
const list = (s: string): string[] => s.split('|')

// Default rules for a small business. Weights add up to the urgency score: one safety or health
// threat alone is critical, a legal threat or churn intent alone is high, and smaller signals
// (anger, a low rating, a phone call, a VIP) combine.
export const defaultRules: ClassifierRules = {
  version: 'rules-2026.11.4',
  language: { supported: ['en'], minConfidence: 0.35 },
  sentiment: {
    minConfidence: 0.45,
    // Short service messages the model misreads. Shifts are log-probability steps: ±2.5 on
    // negative and positive moves their odds 150-fold; +1.5 on neutral about 4.5-fold.
    cues: [
      {
        // Stock sarcastic phrases.
        code: 'SARCASM_IDIOM',
        shift: { negative: 2.5, positive: -2.5 },
        phrases: list(
          'thanks for nothing|thank you for nothing|thanks a lot for nothing|thanks for ruining|' +
            'thank you for ruining|thanks for wasting|thank you for wasting|' +
            'thanks for the runaround|so much for|yeah right|yea right|oh great|oh joy|' +
            'oh wonderful|what a joke|sarcasm|sarcastic',
        ),
        unless: list(
          'thank you so much|thanks so much|thanks you so much|thank u so much|' +
            'love you so much|pay so much for|paid so much for|spend so much for',
        ),
        maxWords: 40,
      },
      {
        // Praise aimed at a failure: "thanks for the 3 hour delay", "love being on hold",
        // "great job losing my bag", "so glad my flight got cancelled".
        code: 'SARCASTIC_PRAISE',
        shift: { negative: 2.5, positive: -2.5 },
        sequence: {
          first: list(
            'thanks|thank you|thank u|thx|love|loving|great|awesome|wonderful|fantastic|' +
              'perfect|brilliant|excellent|amazing|nice|glad|happy|appreciate|kudos|bravo|' +
              'congrats|congratulations|well done|good job|great job|nice job|way to go|fun',
          ),
          second: list(
            'delay*|cancelled|canceled|cancelling|canceling|cancellation*|lost|losing|lose|' +
              'loses|missing|misplac*|stuck|strand*|on hold|late|overbook*|divert*|missed my|' +
              'missed our|missed the|broken|damag*|rude|ignor*|no response|no reply|no answer|' +
              'charged|hours|hrs|sitting|queue|tarmac|😒|🙄|😡|😠|😤|🤬|👎',
          ),
          window: 6,
        },
        unless: list(
          'help*|fix*|resolv*|sort*|solv*|found|finding|find|return*|recover*|rebook*|' +
            'reschedul*|compensat*|voucher*|credit|the refund|my refund|quick refund|refunded|' +
            'reimburs*|waiv*|upgrad*|accommodat*|' +
            'apolog*|sorry|understanding|patience|update|updates|info|information|heads up|' +
            'letting me know|let me know|reply|response|respond*|quick*|fast|prompt*|finally|' +
            'despite|even with|even though|although|though|but|make up|made up|took care|' +
            'taking care|look into|looking into|for waiting|for holding|on time|early|' +
            'late night|stuck at home|stuck at work|stuck inside',
        ),
        maxWords: 30,
      },
      {
        // A service failure stated without sentiment words ("been on hold for 45 minutes", "my
        // parcel never arrived"). Only with a service word: "I'm still waiting for the new
        // album" or "class is cancelled tonight" is not a complaint to a company.
        code: 'SERVICE_FAILURE',
        shift: { negative: 1 },
        phrases: list(
          'delayed|cancelled|canceled|on hold|still waiting|still no|still not|still have not|' +
            "still haven't|never arrived|never came|never showed|never received|never got|" +
            "didn't arrive|did not arrive|hasn't arrived|has not arrived|not arrived|" +
            "didn't receive|did not receive|haven't received|have not received|not received|" +
            'lost my|lost our|misplaced|missing|stuck|stranded|no response|no reply|no answer|' +
            'no one answers|nobody answers|no one called|nobody called|never called back|' +
            'never responded|never heard back|charged twice|double charged|overcharged|' +
            'overbooked|missed my|missed our|no refund|not refunded|hung up|put on hold|' +
            "won't let me|wont let me|doesn't work|does not work|not working|keeps crashing|" +
            "is down|has been down|been down|went down|outage|not here|isn't here|is not here",
        ),
        requires: list(
          'flight*|plane|gate|bag|bags|luggage|baggage|suitcase|booking|booked|reservation|' +
            'ticket*|seat*|order*|package*|parcel*|delivery|deliveries|shipment|item*|refund*|' +
            'payment*|charge*|account*|card|transfer*|app|website|site|login|password|ride|' +
            'driver|trip|train|bus|call|calls|phone|email*|agent*|customer service|support|' +
            'on hold|service|internet|wifi|connection|claim*|appointment|technician|engineer',
        ),
        unless: list(
          'thanks|thank|thx|appreciate*|grateful|love|great|awesome|amazing|excellent|' +
            'wonderful|fantastic|perfect|best|good|nice|glad|happy|helpful|kind|quick*|fast|' +
            'resolved|fixed|sorted|finally|no problem*|no issue*|not delayed|never delayed|' +
            'no delay*|on time|?',
        ),
        maxWords: 40,
      },
      {
        // A question or request with no complaint in it asks for information ("how do I change
        // my seat?"); in app reviews such questions are complaints, so the model leans negative.
        code: 'PLAIN_QUESTION',
        shift: { neutral: 1 },
        opens: list(
          "how|what|whats|what's|when|where|which|who|can|could|would|will|is|are|do|does|" +
            'should|may|any|anyone|?',
        ),
        phrases: list(
          "please|pls|plz|can you|could you|would you|i need to|i'd like to|i would like to|" +
            'need help|help me|dm|direct message|follow back|follow me|how do i|how can i|' +
            'a question|quick question',
        ),
        unless: list(
          'why|delay*|cancel*|lost|lose|losing|missing|stuck|strand*|on hold|still|again|' +
            'never|nobody|no one|no response|no reply|no answer|refund*|charg*|fee|fees|' +
            'overcharg*|broken|broke|damag*|wrong|rude|worst|terrible|awful|horrible|' +
            'ridiculous|unacceptable|pathetic|disgust*|disappoint*|frustrat*|annoy*|angry|' +
            "upset|fail*|error|crash*|glitch*|not working|doesn't work|won't|wont|can't|" +
            "cannot|cant|unable|couldn't|didn't|hasn't|haven't|isn't|doesn't|don't|dont|" +
            "aren't|wasn't|not|no|yet|late|hours|hrs|days|weeks|waiting|waited|complain*|" +
            'problem*|issue*|sucks|hate|seriously|wtf|what a|what an|waste*|stop|fix|avoid|' +
            'bad|worse|bug*|mistake|hell|crap|stupid|' +
            'smh|ugh|love|loved|amazing|awesome|best|great|excellent|wonderful|fantastic|' +
            "perfect|brilliant|happy|glad|excited|can't wait",
        ),
        maxWords: 25,
      },
    ],
  },
  urgency: {
    levels: { critical: 6, high: 3, normal: 1 },
    phraseRules: [
      {
        code: 'SAFETY_THREAT',
        weight: 6,
        minLevel: 'critical',
        phrases: list(
          'on fire|caught fire|smell of smoke|gas leak|smell gas|carbon monoxide|explod*|' +
            'electrocut*|electric shock|sparking|injured me|was injured|got injured|got hurt|' +
            'was hurt|hurt me|unsafe|dangerous|assault*|attacked me|threatened me|' +
            'pulled a gun|pulled a knife|car accident|crashed the car|bleeding|broken glass|' +
            'drunk driver|harass*|kidnap*|unsafe driving|reckless driving|scared for my life|' +
            'suicid*',
        ),
      },
      {
        code: 'HEALTH_RISK',
        weight: 6,
        minLevel: 'critical',
        phrases: list(
          'food poisoning|poisoned|allergic reaction|anaphyla*|got sick|made me sick|' +
            'made us sick|sick after|raw chicken|undercooked|mold|mould|contaminat*|' +
            'cockroach*|roach|roaches|rat droppings|glass in|hair in my|expired medication|' +
            'wrong medication|choking',
        ),
      },
      {
        code: 'LEGAL_THREAT',
        weight: 4,
        phrases: list(
          'lawyer|lawyers|attorney|sue|suing|lawsuit|legal action|take legal|court|' +
            'small claims|class action|report you|reporting you|better business bureau|bbb|' +
            'consumer protection|trading standards|ombudsman|regulator|cfpb|attorney general|' +
            'ftc|discriminat*',
        ),
      },
      {
        code: 'CHURN_INTENT',
        weight: 3,
        phrases: list(
          'cancel my|cancelling my|canceling my|cancel the subscription|close my account|' +
            'closing my account|switch to|switching to|switched to|moving to|going elsewhere|' +
            'go elsewhere|take my business|taking my business|never again|never ordering|' +
            'never order|never using|never use|never coming back|never come back|last time i|' +
            'lost a customer|lost my business|chargeback|charge back|dispute the charge|' +
            'disputing the charge|delete this app|deleting this app|deleted the app|' +
            'uninstall*|unsubscrib*|find another|done with you|done with this|leaving you|' +
            "will not be back|won’t be back|won't be back|not coming back|not renew*|" +
            'switching banks|switch banks|changing banks|change banks|another bank|' +
            'switching provider*|changing provider*|another provider|a competitor|your competitor*',
        ),
      },
      {
        code: 'FRAUD_OR_SECURITY',
        weight: 2,
        phrases: list(
          'fraud*|scam*|unauthori*|stolen|stole|hacked|identity theft|phishing|' +
            "someone used my|didn’t authori*|didn't authori*",
        ),
      },
      {
        code: 'ESCALATION_REQUEST',
        weight: 2,
        phrases: list(
          'speak to a manager|talk to a manager|speak to your manager|supervisor|escalate|' +
            'escalated|formal complaint|file a complaint|filing a complaint|unacceptable|' +
            'disgrace*|outrageous',
        ),
      },
      {
        code: 'REPEATED_PROBLEM',
        weight: 1.5,
        phrases: list(
          "still waiting|still not|still no|still have not|still haven't|again and again|" +
            'third time|3rd time|second time|every time|no one called|nobody called|' +
            'never called back|no response|no reply|never responded|never heard back|' +
            'no one responded|nobody responded|keep calling|called several times|' +
            'multiple times|several times|for weeks|for days|for months',
        ),
      },
      {
        code: 'URGENT_LANGUAGE',
        weight: 2,
        phrases: list('urgent|urgently|asap|immediately|right now|right away|help me|emergency'),
      },
      {
        code: 'SERVICE_BLOCKED',
        weight: 1,
        phrases: list(
          "can't log in|cant log in|cannot log in|can't login|cant login|locked out|" +
            "not working|doesn't work|doesnt work|stopped working|no access|cannot access|" +
            "can't access|stuck|stranded|lost my|missing|never arrived|never received|" +
            "did not receive|didn't receive|never came|charged twice|double charged|" +
            'overcharged|no refund|not refunded',
        ),
      },
    ],
    anger: {
      bands: [
        { maxScore: -0.8, weight: 2 },
        { maxScore: -0.5, weight: 1 },
      ],
      shoutingWeight: 0.5,
    },
    positiveWeight: -1,
    rating: {
      bands: [
        { maxRatio: 0.2, weight: 2 },
        { maxRatio: 0.4, weight: 1 },
      ],
      highRatio: 0.8,
      highWeight: -1,
    },
    // A call or a visit usually outranks a form; a public post is visible to other customers.
    channel: {
      phone: 1,
      in_person: 1,
      chat: 0.5,
      social: 0.5,
      email: 0,
      sms: 0,
      web: 0,
      survey: 0,
      other: 0,
    },
    tier: { vip: 2, gold: 1, silver: 0.5, standard: 0 },
    history: { openProblemWeight: 2, frequentContacts: 3, frequentWeight: 1 },
    contactRequestedWeight: 0.5,
    deadline: { weight: 1, soonHours: 48, soonWeight: 2 },
  },
  contact: { minUrgency: 'high', onNegative: true },
  topics: {
    minScore: 0.3,
    maxTopics: 4,
    taxonomy: [
      {
        name: 'delivery',
        keywords: list(
          'deliver*|courier|driver|drivers|dasher|package|parcel|shipping|shipment|shipped|' +
            'ship|tracking|arrived|arrive|never came|dispatch*|postage|left at the door|' +
            'wrong address|missing item*|wrong order|order never|lost package|cold food|' +
            'dropped off|pick up|pickup',
        ),
      },
      {
        name: 'billing_refunds',
        keywords: list(
          'refund*|charg*|overcharg*|bill|billed|billing|invoice*|payment*|paid|pay|paying|' +
            'fee|fees|money back|my money|credit card|debit|chargeback|reimburs*|receipt|' +
            'transaction*|subscription|interest|late fee|balance|deposit*|withdraw*|claim|' +
            'claims|premium|premiums|reimbursement|debt|loan|loans|collection*',
        ),
      },
      {
        name: 'product_quality',
        keywords: list(
          'broken|broke|damaged|defective|quality|faulty|stopped working|poor quality|' +
            'cheaply made|fell apart|ripped|torn|tear|fabric|material|stain*|expired|stale|' +
            'taste*|tasted|fit|fits|size|sizing|too small|too big|color|colour|product|item|' +
            'cold|soggy|wrong item|flimsy|leak*',
        ),
      },
      {
        name: 'staff_behaviour',
        keywords: list(
          'rude|rudely|staff|employee*|waiter|waitress|cashier|manager|agent|representative|' +
            'rep|attitude|unprofessional|disrespect*|yelled|shouted|polite|friendly|helpful|' +
            'courteous|arrogant|ignored me|hung up|driver was|the guy|the lady|racist',
        ),
      },
      {
        name: 'waiting_time',
        keywords: list(
          'wait|waited|waiting|queue|on hold|hold for|delay*|late|slow|took forever|' +
            'taking forever|hours|minutes|still waiting|long time|took so long|takes forever|' +
            'too long|eta',
        ),
      },
      {
        name: 'website_app',
        keywords: list(
          'app|apps|application|website|site|web site|login|log in|sign in|password|crash*|' +
            'bug|bugs|glitch*|error|update|updated|page|online|checkout|otp|verification code|' +
            'loading|load|portal|interface|version|screen',
        ),
      },
      {
        name: 'customer_service',
        keywords: list(
          'customer service|customer support|support|no response|no reply|called back|' +
            'call back|callback|contact*|chat|unhelpful|complaint|ticket|phone|called|calling|' +
            'email*|emailed|respond*|response|answer*|help desk|helpline|live agent|dm|reply',
        ),
      },
      {
        name: 'bookings_cancellations',
        keywords: list(
          'cancel*|booking|booked|reservation|appointment|reschedul*|rebook*|cancellation|' +
            'no show|no-show|ride|trip',
        ),
      },
      {
        name: 'pricing',
        keywords: list(
          'price*|pricing|expensive|overpriced|cost*|cheap|cheaper|discount*|promo|promos|' +
            'coupon*|deal|value|surge|afford*|rates|rate increase|price increase',
        ),
      },
      {
        name: 'cleanliness',
        keywords: list(
          'dirty|filthy|clean|cleanliness|hygien*|smell*|stink*|gross|disgusting|cockroach*|' +
            'hair in|sticky|unsanitary',
        ),
      },
      {
        name: 'fraud_security',
        keywords: list(
          'fraud*|scam*|unauthori*|stolen|hacked|identity theft|phishing|suspicious|' +
            'security|privacy|personal information|data breach',
        ),
      },
      {
        name: 'account_records',
        keywords: list(
          'account|accounts|credit report|credit reporting|report|reporting|records|' +
            'information|inaccurate|incorrect information|personal data|closed my account|' +
            'profile|credit score|bureau|bureaus|verify|verification|dispute*',
        ),
      },
      {
        name: 'safety_health',
        keywords: list(
          'unsafe|danger*|injur*|hurt|sick|allerg*|food poisoning|accident|safety|health|' +
            'hospital|reckless',
        ),
      },
    ],
  },
}
