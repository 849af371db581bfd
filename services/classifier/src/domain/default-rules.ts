import type { ClassifierRules } from './rules.ts'

// Phrase lists are written '|'-separated to keep this data readable.
const list = (s: string): string[] => s.split('|')

// Default rules for a small business. Weights add up to the urgency score: one safety or health
// threat alone is critical, a legal threat or churn intent alone is high, and smaller signals
// (anger, a low rating, a phone call, a VIP) combine.
export const defaultRules: ClassifierRules = {
  version: 'rules-2026.12.3',
  language: { supported: ['en'], minConfidence: 0.35 },
  sentiment: {
    minConfidence: 0.45,
    // The model learned with balanced classes; among messages to a company praise is the rarest
    // class (12–18 % in complaint-tweet sets, against a third in training), so it is made to
    // earn its label. On held-out tweets to companies +0.006 to +0.027 macro-F1; TweetEval's
    // general tweets −0.018. A tenant whose feedback is mostly reviews can set it to {}.
    classPrior: { positive: -0.5 },
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
              'charged|hours|hrs|sitting|queue|tarmac|never arrived|never came|never showed|' +
              "never received|never got|not received|not arrived|didn't arrive|hasn't arrived|" +
              'no refund|😒|🙄|😡|😠|😤|🤬|👎',
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
        // Thanks or praise in a short message that also swears or names a failure: to a
        // company this is sarcasm ("thanks @apple for making the shittiest chargers", "my
        // phone is broken. Thanks a lot") far more often than mixed praise.
        code: 'PRAISE_WITH_COMPLAINT',
        shift: { negative: 1.5, positive: -1.5 },
        sequence: {
          first: list(
            'thanks|thank you|thank u|thx|love|loving|great|awesome|wonderful|fantastic|' +
              'perfect|brilliant|excellent|amazing|nice|glad|happy|kudos|bravo|well done|' +
              'good job|great job|nice job|way to go|s o|shout out',
          ),
          second: list(
            'wtf|ffs|smh|fuck*|shit*|crap*|sucks|trash|garbage|useless|worst|terrible|' +
              'horrible|awful|ruin*|complicated|burning my|burning down|burn my|none of my|' +
              'nothing works|still nothing|still no|still not|still waiting|' +
              "doesn't work|does not work|not working|stopped working|deleted|deleting|" +
              'wiped|crashing|crashed|froze|lost my|losing my|delayed|cancelled|canceled|' +
              'on hold|wasted|wasting|is a brick|bricked',
          ),
          window: 12,
        },
        unless: list(
          'help*|fix*|resolv*|sort*|solv*|found|recover*|replac*|refunded|apolog*|sorry|' +
            'finally|despite|even though|although|but|for waiting|for holding|never had|' +
            'never once|never disappoint*|never fails|never let|worth the wait|no problem*|' +
            "can't wait|cant wait|not delayed|never delayed|no delay*|on time|except|" +
            'fuckin blessed|fucking blessed|update*|info|information|heads up|' +
            'letting me know|let me know|keeping me|keeping us|reply|response|respond*|' +
            'quick*|fast|prompt*|crew|staff|agent|team|pilot*|attendant*|driver|captain|' +
            'helpful|kind|patien*|understanding',
        ),
        maxWords: 30,
      },
      {
        // The same the other way round: a failure, then thanks or praise for it ("still
        // nothing. Awesome.", "my phone is broken. Thanks a lot").
        code: 'COMPLAINT_THEN_PRAISE',
        shift: { negative: 1.5, positive: -1.5 },
        sequence: {
          first: list(
            'wtf|ffs|fuck*|shit*|crap*|sucks|useless|worst|terrible|horrible|awful|' +
              'none of my|nothing works|still nothing|still no|still not|still waiting|' +
              "doesn't work|does not work|not working|stopped working|broken|broke|" +
              'deleted|wiped|crashed|crashing|froze|frozen|lost my|is lost|was lost|' +
              'got lost|been lost|lost all my|lost everything|is a brick|bricked|delayed|' +
              'cancelled|canceled|on hold|wasted|never arrived|never came|never received|' +
              "not received|didn't arrive|hasn't arrived|no refund|timing out|timed out",
          ),
          second: list(
            'thanks|thank you|thank u|thx|awesome|great|wonderful|fantastic|perfect|' +
              'brilliant|lovely|nice one|cheers|great job|good job|well done|way to go|' +
              'love it|love that|love this|appreciate it',
          ),
          window: 10,
          acrossSentences: true,
        },
        unless: list(
          'but|although|though|however|fixed|sorted|resolved|finally|replac*|refund*|' +
            'apolog*|for helping|for your help|for the help|helped|for fixing|for sorting|' +
            'for resolving|for replacing|no longer|not anymore|now works|works now|' +
            'working now|now working|back up|up and running|even in|update*|info|found|' +
            'no time wasted|not wasted|nothing wasted|' +
            'otherwise|apart from|other than that|besides that|' +
            'information|heads up|letting me know|let me know|keeping me|keeping us|reply|' +
            'response|respond*|quick*|fast|prompt*|crew|staff|agent|team|pilot*|attendant*|' +
            'driver|captain|helpful|kind|patien*|understanding|' +
            // Swearing as an intensifier of praise: "fucking awesome".
            'fucking awesome|fucking amazing|fucking great|fucking good|fucking love|' +
            'fuckin awesome|fuckin amazing|fuckin great|so fucking|i love that|no i love',
        ),
        maxWords: 30,
      },
      {
        // A demand that the company put something right ("fix this", "get it together", "do
        // better") is a complaint even when no word in it is negative.
        code: 'DEMAND_TO_FIX',
        shift: { negative: 1.5, positive: -1 },
        // Imperatives and "you" forms only: "they fix it right away" is praise.
        phrases: list(
          'fix this|fix your|fix ur|please fix|pls fix|plz fix|you need to fix|need to fix|' +
            'needs to fix|gotta fix|going to fix|gonna fix|get it together|act together|' +
            'get your shit together|get your life together|get ur life together|' +
            'get yourself together|get yourselves together|step it up|step up your|' +
            'step ur game|do better|sort it out|sort this out|sort yourselves out|' +
            "make better|this needs fixing|shouldn't have to|should not have to|" +
            'should never have to|before you do anything|do something about it|' +
            'explain yourself|explain yourselves',
        ),
        unless: list(
          'thanks for fixing|thank you for fixing|thanks for sorting|thank you for sorting|' +
            'fixed|sorted|resolved|love|great|awesome|appreciate*|they fix|they will fix|' +
            'will fix|would do better|might do better|will do better',
        ),
        maxWords: 40,
      },
      {
        // Leaving, or telling others to leave: "switching to Android", "done with you".
        code: 'CHURN_STATEMENT',
        shift: { negative: 1.5, positive: -1 },
        // Leaving this company, not joining one: "switched to Embrace from X" is praise of it.
        phrases: list(
          'switching to another|switch to another|going elsewhere|go elsewhere|' +
            'take my business|taking my business|lost a customer|lost my business|' +
            'losing a customer|losing customers|done with you|done with this company|' +
            'leaving you|done with @user|leaving @user|never again|never flying with you|' +
            'never fly with you|never flying @user|never fly @user|never flying with @user|' +
            'never ordering from you|never buying from you|never using you|' +
            "won't be flying with you|won't be using you|won't be buying|wont be buying|" +
            'cancel my account|cancelling my account|canceling my account|' +
            'close my account|closing my account|time to switch|thinking of switching|' +
            'thinking about switching|get an android|switching to android|' +
            'switch to android|buy a samsung|should have gone with|should have flown',
        ),
        unless: list(
          'love|loving|thank*|great|awesome|amazing|happy|glad|excited|never again have|' +
            'never again be',
        ),
        maxWords: 40,
      },
      {
        // A product that fails, stated without sentiment words ("my battery keeps dying",
        // "the app froze again"). Unlike SERVICE_FAILURE no service word is needed: these
        // phrases describe a faulty product wherever they occur.
        code: 'PRODUCT_FAILURE',
        shift: { negative: 1 },
        phrases: list(
          'keeps dying|keeps crashing|keeps freezing|keeps restarting|keeps closing|' +
            'keeps deleting|keeps logging|keeps kicking|keeps dropping|keeps disconnecting|' +
            'keeps shutting|keeps turning off|keeps telling me|keep getting|keeps saying|' +
            'battery dies|battery died|battery is dying|phone dies|phone died|draining|' +
            'drains|overheat*|freezes|freezing up|froze|frozen|laggy|lagging|' +
            'stopped working|stops working|quit working|quits working|stopped charging|' +
            "won't turn on|wont turn on|won't charge|wont charge|not charging|won't load|" +
            "wont load|not loading|won't open|wont open|won't work|wont work|isn't working|" +
            'is not working|not working|does not work|doesnt work|' +
            "doesn't work|don't work|dont work|didn't work|did not work|never works|" +
            'nothing works|disappeared|disappears|deleted my|erased my|wiped my|bricked|' +
            'glitch*|buggy|bugs|crashing|crashed|keeps breaking|broke again|broken again|' +
            'falls apart|fell apart|fall apart|falling apart|cracked|not responding|' +
            'error message|error code|still broken|still not fixed|not fixed|no signal|' +
            'no service|dropped calls|dropping calls|so slow|very slow|very slowly|so slowly|' +
            'keeps timing out|timing out|is a brick',
        ),
        unless: list(
          'thanks|thank|thx|appreciate*|grateful|love|great|awesome|amazing|excellent|' +
            'wonderful|fantastic|perfect|helpful|resolved|fixed|sorted|finally|no problem*|' +
            "no issue*|never had|never once|not once|has never|have never|hasn't|" +
            'help me|how do i|how can i|how to|good|nice|no longer|not so|not as|not very|anymore',
        ),
        maxWords: 40,
      },
      {
        // Swearing at the company, or words said only in anger ("wtf", "smh", "ffs").
        code: 'ANGRY_WORDS',
        shift: { negative: 1.5, positive: -1.5 },
        phrases: list(
          'wtf|ffs|smh|fml|fuck|fucking|fuckin|fucked|fck|fk|shit|shitty|bullshit|bs|crap|' +
            'crappy|sucks|suck|sucked|screw you|screwed|damn you|goddamn|dammit|damnit|hoes|' +
            'bitch|bitches|trash|garbage|pissed|piss|ugh|stupid|idiot|idiots|dumb|' +
            'ridiculous|joke|clowns|pathetic|disgrace|shame on you|hate you|hate u|' +
            'i hate|hate this|hate it|hate that|hate when|hate how|so annoying|annoying|' +
            'fed up|sick of|sick and tired|tired of|had enough|enough is enough|fail|' +
            'epic fail|not cool|so done|what the frick|what the heck|what the hell|frick*|' +
            'freaking|effing|duck off',
        ),
        unless: list(
          'love|loving|amazing|awesome|best|great|good|thank*|thx|excellent|lol|lmao|haha*|' +
            'the shit|legit|no shit|holy shit|so good|fun|cute|😂|😍|❤',
        ),
        maxWords: 40,
      },
      {
        // Rhetorical questions to a company are complaints: "why is my flight delayed again?",
        // "when are you going to fix this?", "how many times do I have to call?".
        code: 'COMPLAINT_QUESTION',
        shift: { negative: 1, neutral: -0.5 },
        phrases: list(
          "why is|why isn't|why does|why doesn't|why do|why don't|why can't|why cant|" +
            "why won't|why wont|why would|why did|why didn't|why'd|why are|why aren't|" +
            'why was|why were|why has|why have|why the hell|why on earth|how many times|' +
            'how many more|how long do i have to|how long does it take|how long will it take|' +
            'how hard is it|how difficult is it|when are you going to|when will you fix|' +
            'when will this be fixed|when will it be fixed|what happened to|' +
            "what's wrong with|whats wrong with|what is wrong with|is it too much to ask|" +
            'is it so hard|is it really that hard|are you kidding|are you serious|' +
            'are u serious|are you joking|seriously ?|really ?|who does that|do you even|' +
            'are you reading this|is anyone listening|anyone listening|is anyone there|' +
            'anybody there|hello ?|do i have to|do i need to go through|how is this acceptable|' +
            'how is that acceptable|how is this ok',
        ),
        unless: list(
          'thank*|thx|love|great|awesome|amazing|excellent|wonderful|fantastic|perfect|' +
            'best|happy|glad|excited|cool|fun|nice',
        ),
        maxWords: 40,
      },
      {
        // One to three words of reply or request ("help", "DM sent", "ok", "hi") state no
        // feeling. The model learned from app stores, where such short texts are star-rating
        // praise ("good", "nice"), so it calls them positive; they are neutral. Not with praise,
        // nor with a complaint word: "still waiting", "why" and "done with you" are the model's.
        code: 'SHORT_REPLY',
        shift: { positive: -3, neutral: 1.5 },
        phrases: list(
          "help|dm|dms|dm'd|dmd|dmed|sent|done|ok|okay|k|yes|yep|yeah|sure|follow|following|" +
            'followed|hello|hi|hey|please|pls|plz|respond|reply|answer|call me|email me',
        ),
        unless: list(
          'thanks|thank|thx|ty|tysm|love|loved|great|awesome|amazing|excellent|perfect|best|' +
            'good|nice|cool|happy|glad|wow|yay|sweet|brilliant|lovely|fantastic|wonderful|' +
            'appreciate*|kudos|bravo|congrats|congratulations|welcome|fun|beautiful|well done|' +
            'not bad|no complaint*|no major|no problem*|no issue*|easy|easier|smooth|simple|' +
            'convenient|fast|quick*|helpful|help full|useful|number 1|number one|❤|😍|😊|🙂|👍|👌|' +
            'not|no|never|nothing|nobody|still|again|why|wtf|ugh|seriously|worst|bad|done with|' +
            "i'm done|im done|so done",
        ),
        maxWords: 3,
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
        // A question or a request for help waits for an answer from us: above praise or a
        // remark, below a problem.
        code: 'AWAITING_ANSWER',
        weight: 1,
        phrases: list(
          '?|how do i|how can i|how to|can you|could you|can someone|can anyone|does anyone|' +
            'is it possible|a question|my question|i need to know|please advise|please help|' +
            "need help|any help|i don't understand|i do not understand|confused|confusing|" +
            'let me know|clarify|please explain',
        ),
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
  contact: { minUrgency: 'high', onNegative: true, onUnsupportedLanguage: true },
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
