"""The phrase patterns the grader looks for, grouped by what they mean.

Patterns run on the cleaned turn (same offsets as the user's text, curly quotes made
straight) and are case-insensitive unless marked. They describe conversational forms
from the guidelines (reflections, offers, pitches and asks), not particular sentences.
"""

from __future__ import annotations

import re

I = re.IGNORECASE


# A count in digits or words: "40", "2,100", "fifty", "two hundred", "dozens".
_NUM = (
    r"(?:\d[\d,.]*|a dozen|dozens|hundreds|thousands|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
    r"seven|eight|nine))?(?: hundred| thousand)?)"
)


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", I)


_ME_WILL = r"(?:we(?:'ll| will| can| could)|i(?:'ll| will| can| could| can also|'d be (?:happy|glad) to| would be (?:happy|glad) to|'m (?:happy|glad) to| am (?:happy|glad) to|'d love to| would love to))"
_HELP_VERB = (
    r"(?:send|email|e-mail|text|forward|share|introduce|intro|connect|put you in touch|loop|cc|copy|"
    r"ping|message|dm|drop|bring|grab|walk|take you|show you around|lend|pass|ask|dig|look up|"
    r"find|check|review|airdrop|print|mail|point you|recommend|write|make (?:an|the) intro\w*|set up an intro|refer|cover|"
    r"feature|boost|amplify|shout|vouch|put in a (?:good )?word for you|save you a seat|call|mention you|mention your|"
    r"put (?:you|you two|you both|the two of you) in touch|get you (?:her|his|their|the) (?:number|email|contact|details|name)|"
    r"have (?:her|him|them) (?:reach out|call|email|text|contact|get in touch)|set up (?:a )?(?:coffee|call|meeting|intro\w*) "
    r"(?:for you|with (?:her|him|them)|between)|shoot (?:her|him|them|you) an? (?:text|email|message|note|line)|"
    r"get you (?:two|both) together|send (?:her|him|them) your way|tell (?:her|him|them) (?:to|about you)|"
    r"give (?:her|him|them) a heads[- ]up|make sure (?:she|he|they) gets?)"
)

# ---------------------------------------------------------------- listening
REFLECTION = _words(
    r"(?:it |that |this )?sounds? like(?! a plan| fun| great| good)", r"(?:it |that |this )?sounds (?:really |so |pretty |incredibly |super |quite )?(?!good|great|fun|cool|nice|amazing|awesome|interesting|perfect)\w+",
    r"you(?:'re| are) saying", r"you mean", r"if i(?:'m| am) hearing (?:you|this|that)",
    r"what i(?:'m| am) hearing", r"in other words", r"if i understand",
    r"(?:it |that )?seems? like you", r"you seem", r"you sound",
    r"(?:that |it |this )?must (?:be|have been|feel|get|hurt|sting)",
    r"(?:that |it )(?:has|have) to (?:sting|hurt|be|feel)",
    r"i(?:'d| would)? imagine", r"i can imagine", r"i can (?:see|hear|tell) (?:why|how|that|the)",
    r"no wonder",
    r"you(?:'re| are| were) (?:carrying|feeling|stuck|torn|worried|being|caught|juggling|dealing|"
    r"doing all|basically|essentially|the one|left|trying|paying|questioning|starting|protective|"
    r"out of|still|already|caught)",
    r"(?<!do )(?<!did )(?<!would )you feel", r"you(?:'ve| have) been", r"you(?:'d| would) rather",
    r"you care (?:a lot )?about", r"(?<!if )(?<!do )you want (?:it|them|to)",
    r"(?:matters?|means? (?:a lot|so much)|is (?:really |so )?important) to you", r"shows how much you",
    r"^(?:so )?that(?:'s| is) (?:a|an) (?!great\b|good\b|nice\b|cool\b|interesting\b|shame\b|lot\b|fair\b|common\b|"
    r"tough one\b|question\b)[\w-]+ (?:[\w'-]+ ){1,6}",
)
# "So you're...", "So the...", "So every..." at the start of a statement paraphrase them.
REFLECTIVE_SO = re.compile(
    r"(?:^|[—–;]\s*|\s-\s)(?:(?:ok(?:ay)?|right|ah|oh|hm+|yeah|wow),?\s+)?so,?\s+(?:basically\s+)?"
    r"(?!i\b|i'm|i've|i'd|we\b|we're|my\b|our\b|what do|how do|what brings|anyway|quick|random|tell me|"
    r"what|how|why|where|who|when|which|do\b|does|did|are\b|is\b|have|has|can|could|would|will)\w",
    I,
)
FEELING = _words(
    r"frustrat\w*", r"exhaust\w*", r"drain\w*", r"demorali[sz]\w*", r"dishearten\w*",
    r"discourag\w*", r"stress\w*", r"overwhelm\w*", r"scary", r"scared", r"terrif\w*",
    r"painful", r"hurts?", r"stings?", r"tough", r"rough", r"brutal", r"awful", r"terrible",
    r"lonely", r"isolat\w*", r"unfair", r"upsetting", r"upset", r"anxious", r"anxiety",
    r"worr(?:y|ied|ying|ies)", r"heartbreak\w*", r"gut[- ]punch", r"gutting", r"devastat\w*",
    r"tiring", r"burn(?:ed|t|ing)? ?out", r"rattled", r"guilt\w*", r"doubt\w*", r"nerve-?wracking",
    r"uncomfortable", r"a lot to (?:carry|handle|deal with|take on|juggle)", r"a lot on your plate",
    r"steep price", r"difficult", r"grind", r"sucks", r"(?:i'm|i am|so) sorry", r"oof", r"ouch",
    r"ugh", r"yikes", r"oh no", r"that's a lot", r"(?:so|really|pretty|incredibly) hard",
    r"hard (?:thing|spot|place|position|road)", r"exposed", r"disappointing", r"deflating",
    r"stuck", r"infuriating", r"maddening", r"demanding", r"tedious", r"miserable", r"pressure",
    r"a lot of (?:pressure|stress|work)", r"heavy", r"scary", r"shame",
)
# Empathy phrased from the user's side that is still about them.
EMPATHY_FROM_ME = _words(
    r"i(?:'d| would) be (?:\w+ )?(?:rattled|worried|furious|frustrated|exhausted|nervous|scared|"
    r"upset|gutted|angry|stressed|lost|devastated)",
    r"i hear (?:you|that)", r"i get (?:it|that|why)", r"i feel (?:for you|that|you)",
    r"i(?:'m| am) (?:so )?sorry", r"i can only imagine", r"been there", r"happens to me(?: too)?",
    r"same thing happened", r"i know (?:that|the) feeling",
)
# A first-person subject just before a feeling word: the feeling is the user's own.
SELF_FEELING = re.compile(
    r"\b(?:i|i'm|i've|we|we're|we've|me|my)\b(?!(?:'d)? (?:imagine|bet|guess|know|hear|see|get|think|can imagine|"
    r"can only imagine|would imagine|can see|can tell))[^,;.!?—]{0,30}$",
    I,
)
GENERALISING = _words(
    r"everywhere", r"these days", r"nowadays", r"in general", r"all over", r"every (?:company|"
    r"hospital|school|team|industry|business|field)", r"always \w*(?:push|complain)\w*", r"always (?:like that|the case)",
    r"that's (?:fundraising|business|life|the industry|the job|how it goes|how it is)",
    r"it is what it is", r"part of the job", r"welcome to", r"such is life", r"everyone (?:has|deals)",
    r"so important", r"the future", r"(?:is|are) (?:really |so |very |super )?(?:important|key|essential|crucial)",
    r"(?:is|are) (?:really |honestly )?(?:just|all about) \w+",
    r"(?:are|is) always \w+", r"(?:'s|is|are) an? (?:rough|tough|hard|brutal|cruel|crazy|weird|funny) (?:business|industry|field|world|game|job)",
    r"you'll figure it out", r"it'll (?:happen|work out)", r"don't worry",
)
MINIMAL_WORDS = frozenset(
    """cool nice neat great awesome interesting wow whoa oh ah ha haha lol huh hmm right yeah yep
    yes sure totally true okay ok gotcha indeed fair wild crazy damn man dude ouch oof ugh yikes
    no way really very so that's thats makes sense i see agree feel that hear you get it exactly
    definitely absolutely amazing fun lovely good point same word sweet super fascinating got
    love how well mm mhm uh huh nice one wonderful ah a lot of brutal tough rough noted hah""".split()
)
TOPIC_CHANGE = _words(
    r"random question", r"by the way", r"btw", r"unrelated", r"on (?:another|a different|a "
    r"separate) note", r"changing the subject", r"change of subject", r"speaking of which",
    r"that reminds me", r"off[- ]topic", r"different topic", r"side note", r"totally different",
    r"anyway(?:s)?,? (?:i|did|have|are|so|what|how|do|is)", r"before i forget",
    r"did you (?:see|catch|hear) the (?:keynote|talk|game|news|panel|speaker|session)",
    r"have you tried the (?:food|coffee|bar|drinks|snacks|wine)", r"the weather",
)
GENERIC_QUESTION = _words(
    r"what (?:do|did) you do(?: here| for (?:a living|work))?",
    r"what(?:'s| is) your (?:job|role|title|line of work|background|company|name|field|story|deal)",
    r"where do you work", r"who do you work (?:for|with)", r"what company", r"what brings you",
    r"what brought you", r"how(?:'s| is| are) (?:the|your) (?:conference|event|day|week|evening|night|"
    r"summit|expo|fair|meetup|show|weekend|congress|gala)(?: going| been)?",
    r"(?:how )?are you enjoying", r"having fun", r"first time (?:here|at)", r"been (?:here|to one of these) before",
    r"where are you (?:from|based)", r"how long have you been (?:at|with|in|there|doing)",
    r"what(?:'s| is) (?:the|your|its|their) [\w' ]{0,24}(?:called|name)(?: again)?",
    r"what do you (?:think|make) of the (?:conference|event|keynote|talks|venue|food)",
    r"what(?:'s| is) new", r"what about you", r"how about you", r"and you",
    r"do you come to these (?:often|a lot)", r"what do you do at \w+",
    r"what (?:\w+ ){0,2}do you (?:teach|do|make|sell|study|work on|write|build|practice)"
    r"(?: (?:here|now|exactly|again|for a living|for work|at \w+))?\s*\?",
    r"how long have you (?:had|run|owned|worked|lived|been)",
    r"what(?:'s| is) your favou?rite (?:session|talk|part|speaker|panel)", r"do you like (?:running|the|it here|this)",
)
# The persona asked about the user: then self-disclosure is an answer, not a pitch.
ASKED_ABOUT_USER = _words(
    r"what about you", r"how about you", r"and you", r"what do you do", r"what brings you",
    r"what brought you", r"are you (?:a|an|in|on|with|from|here|clinical|also|the|too|one)",
    r"do you (?:work|do|teach|build|make|run)", r"what(?:'s| is) your", r"what kind of \w+ do you",
    r"what are you (?:working|making|building|doing|up to)", r"where do you", r"tell me about you",
    r"your (?:field|background|line of work|story|work|job|company|role)", r"you in the",
    r"who are you with", r"enough about me", r"what year are you", r"you have a (?:shop|booth|"
    r"company|startup|stand)", r"do you have", r"have you (?:been|worked|done)",
)

# ---------------------------------------------------------------- the user's own side
SELF_DISCLOSURE = _words(
    r"i(?:'m| am) (?:a|an|now a|now an|currently a|still a|just a|actually a|also a)\s+\w+",
    r"i(?:'m| am) (?:in|at|on the|with) (?:a |an |the )?[\w-]+", r"i was (?:a|an|the)\s+\w+",
    r"i (?:work|worked|run|ran|manage|managed|lead|led|teach|taught|built|started|founded|own|"
    r"owned|consult|studied|study|import|sell|design|designed|made the jump|came from|spent)\b",
    r"i used to", r"i(?:'ve| have) (?:been|worked|done|spent|run|led|managed|built)",
    r"my (?:team|company|startup|firm|agency|studio|business|lab|group|job|role|work|clients|shop|"
    r"department|old|last|previous|former|own|experience|background|career)",
    r"at my (?:last|old|previous|current) (?:job|company|place|firm|school|hospital|nonprofit)",
    r"in my experience", r"when i was", r"we (?:use|used|had|have had|ran|tried|moved|see|saw|went)",
    r"on a team i was on", r"i (?:was|am) (?:in|on) the same", r"i(?:'m| am) in the same boat",
    r"mostly (?:\w+ )?(?:hospitals|schools|contracts|clients)", r"my \w+ (?:was|did) the same",
    r"same (?:here|with me)", r"me too", r"same thing happened to me", r"i had the same",
)

# ---------------------------------------------------------------- pitching
_PRODUCT_NOUN = (
    r"(?:product|platform|tool|app|software|solution|services|technology|dashboard|course|courses|"
    r"workshops?|bootcamp|podcast|newsletter|channel|offering|plugin|api|device|"
    r"pilots|terms|pricing|rates|deck|whitepaper|brochure|beta|crm|analytics)"
)
_NOT_A_PRODUCT = (
    r"team|teams|kids|children|family|school|hospital|clinic|city|office|boss|manager|managers|director|ceo|cto|vp|"
    r"department|staff|nurses|doctors|students|parents|board|house|town|church|lead|own|old|last|first|engineers|"
    r"teachers|volunteers|customers|clients|users|members|agents|people|folks|neighbou?rs|community|industry|field|"
    r"sector|org|union|budget|numbers|state|country|government|funders|donors|investors|partners|friends|son|daughter|"
    r"wife|husband|dog|cat|kid|baby|mom|dad|parent|principal|dean|provost|manager's|building|site|shift|night|schedule|"
    r"rotation|policy|rules|process|story|situation|problem|issue|experience|case"
)
_ORGANISATION = r"(?:startup|studio|agency|consultancy|firm|company|foundation|charity|organi[sz]ation|nonprofit|team|business)"
_SELLING_VERB = (
    r"(?:does|do|makes|builds|offers|handles|runs|helps|charges|provides|specializes|specialises|fixes|solves|"
    r"writes|places|spends|can (?:help|fix|solve|do|get)|will|has (?:helped|placed|gotten|built)|have (?:helped|placed|gotten))"
)
PROMOTION = _words(
    r"(?:our|my) (?:[\w-]+ ){0,3}?" + _PRODUCT_NOUN,
    r"(?:our|my) (?:[\w-]+ ){0,2}?" + _ORGANISATION + r" " + _SELLING_VERB,
    r"we at \w+ (?:have|has|are|published|built|offer|make|help)", r"my book",
    r"(?:look at|check out|try|use|get|buy) (?:our|my) \w+",
    # "Our chatbot deflects...", "our planters pay for themselves": a present-tense claim
    # about something of ours that is not a person, a place or the user's own team.
    r"\bour (?!(?:" + _NOT_A_PRODUCT + r")\b)(?:[\w-]+ ){0,2}?(?!(?:" + _NOT_A_PRODUCT + r")\b)[\w-]+ "
    r"(?:(?!was\b|is\b|has\b|does\b|says\b|thinks\b|wants\b|feels\b|needs\b|keeps\b|knows\b|likes\b|loves\b|hates\b)"
    r"[a-z]+s|lets you|helps you|is (?:the|built|designed)|spends only|can)\b",
    r"(?:our|my) (?:clients|customers|users|members|students) (?:see|get|save|love|report|usually|typically|average|land)",
    r"we(?:'re| are) an? (?:[\w-]+ ){0,4}(?:company|startup|platform|agency|firm|consultancy|studio|group|provider|vendor|"
    r"supplier|partner|service|shop|distributor|reseller)(?: (?:that|which|who|for)|\.|,| —)", r"(?:companies|people|teams|hospitals|schools|clinics|firms|businesses|brands|"
    r"nonprofits|shops|pharmacies|restaurants|cities) like yours", r"i help (?:\w+ ){1,3}(?:to )?(?:get|grow|raise|find|build|"
    r"land|scale|sell|fix|save|cut|win)", r"let me tell you (?:about|what) (?:our|my|we)",
    r"i(?:'d| would) be (?:a )?(?:great|good|perfect|ideal) (?:fit|hire|addition)", r"i(?:'m| am) (?:actually )?hiring",
    r"i(?:'m| am) (?:actually )?looking for (?:a |an |two |some )?(?:junior|senior|new) \w+",
    r"i do freelance", r"(?:my|our) (?:services|rates|fees)", r"i work with a (?:group|firm|fund|company) that",
    r"we pay (?:top|the best|more|cash)", r"i(?:'m| am) (?:a|an) [\w ]{0,25}(?:agent|broker|consultant|coach|rep|representative) "
    r"(?:and|—|-|,)? ?i can",
    r"we (?:help|helps|offer|provide|sell|specialize|specialise|solve|fix|handle|place|"
    r"take \d+|just launched|launched|are launching|'re launching|do exactly|do that for|work with "
    r"(?:\d+|dozens|hundreds)|make (?:a|an|the)\s+[\w-]+\s+(?:platform|tool|app|product|software))",
    r"(?:that's|this is|which is) (?:exactly )?(?:what|why) (?:we|our|you need)",
    r"exactly what \w+ (?:does|do|solves|fixes|is built for)",
    r"you (?:need|should get|should try|want) (?:a|an|our|better|some) (?:[\w-]+ ){0,3}"
    r"(?:software|tool|platform|app|crm|system|solution|service)",
    r"the kind of thing (?:my|our|we|i) \w+", r"i sell for \w+",
    r"i(?:'m| am) (?:the )?(?:founder|co-founder|cofounder|ceo|cto) (?:of|at)",
    r"i run (?:partnerships|sales|marketing|business development|bd|growth) (?:for|at)",
    r"i(?:'ve| have) (?:placed|raised|helped|trained|coached) (?:over |more than )?" + _NUM,
    r"i(?:'m| am) (?:honestly |probably |literally )?(?:one of )?the (?:best|top)",
    r"best in the (?:category|business|region|market|industry|state|city|country)",
    r"award-winning", r"industry-leading", r"world-class", r"cutting-edge",
    r"best-in-class", r"top-rated", r"state-of-the-art",
    r"i(?:'m| am) an? (?:\w+ )?expert", r"we(?:'re| are) (?:the|a) (?:leading|fastest|best|top|only)",
    r"(?:our|my) (?:success rate|track record)", r"our results speak",
    _NUM + r" (?:companies|clients|customers|schools|hospitals|credit unions|brands|breweries|teams|"
    r"firms|districts|museums|manufacturers|users|cities|clinics|restaurants|stores|nonprofits) (?:use|trust|love|rely|see|saw)",
    r"we (?:actually |just )?built an? (?:[\w-]+ ){0,3}(?:dashboard|app|tool|platform|product|system|engine|plugin|service)",
    r"pays? for (?:itself|themselves)", r"roi",
    r"(?:nonprofit|special|introductory|early-bird|founding|partner|friends) (?:discount|rate|pricing)",
    r"(?:get|give|offer) you a (?:\w+ )?(?:discount|deal)", r"founding partner",
    r"first-timer rate", r"\$\d[\d,]*(?: an hour|/hour| per| a session| for)",
    r"(?:writing|wrote|finishing|published|launching) (?:a|my) book",
    r"we(?:'re| are) raising", r"seed round", r"series [ab]",
    r"(?:best|easiest|fastest|cheapest|only) [\w -]{0,30}on the market",
    r"my course",
    r"i(?:'m| am) (?:currently |actually )?looking for (?:a |an )?(?:job|role|position|new role|new job|opportunit\w*|work|something new)",
    r"i(?:'m| am) (?:on the job market|job hunting|job searching|between jobs)",
    r"i(?:'d| would) love to work (?:for|with) you", r"open to work", r"\d\.\d gpa",
    r"every dollar", r"each dollar", r"save the children", r"our (?:cause|mission)",
    r"goes? (?:straight|directly) to", r"i place \w+",
r"we(?:'ve| have) (?:built|gotten|got|placed)",
)
# Talk about what the user is building or good at: an answer when asked, a pitch when not.
SELF_PROMOTION = _words(
    r"we(?:'re| are) (?:building|developing|launching|making|creating) (?:a|an|the)",
    r"i (?:run|own|founded|started|built) (?:a|an|my own) [\w ]{0,30}(?:company|startup|agency|consultancy|firm|studio|"
    r"business|practice|platform|app) (?:that|which|called)",
    r"i(?:'m| am) (?:really |very |super )?(?:good|great) at", r"i(?:'ve| have) (?:got )?(?:\d+|twenty|fifteen|ten) years (?:of )?experience",
    r"i(?:'m| am) known for", r"i(?:'ve| have) won", r"(?:i|we|i've|we've|i was|we were) (?:been )?featured (?:in|on)",
    r"(?:my|our) (?:clients|customers|users) (?:love|rave)",
    r"i(?:'ve| have) worked with (?:\w+ ){0,2}(?:brands|companies|clients|fortune)", r"i(?:'m| am) (?:the|an?) (?:go-to|leading|top)",
    r"(?:customers|clients|users) see (?:a |about )?\d+", r"(?:raising|looking for) (?:investors|funding|a seed|our seed|a round)",
    r"(?:specialize|specialise|focus) (?:\w+ )?in exactly", r"(?:that's|this is) (?:exactly )?what i do",
    r"i have (?:a|the) (?:solution|product|tool|fix|service) for", r"my (?:talk|session|panel|workshop|keynote)",
    r"as an? (?:\w+ )?(?:advisor|adviser|consultant|coach|recruiter|agent|broker|planner|expert)\b",
    r"i(?:'m| am) speaking (?:at|on|about|tomorrow|later|today)", r"passive income", r"be your own boss",
    r"business opportunity", r"we(?:'ve| have) helped", r"i(?:'ve| have) helped (?:dozens|hundreds|many|lots|tons)",
    r"i do (?:\w+ ){0,3}for (?:small businesses|companies|clients|startups|brands|restaurants|schools|nonprofits)",
    r"(?:i|we) (?:\w+ )?speciali[sz]e in", r"i(?:'m| am) (?:a |an )?[\w -]{0,30}speciali[sz]ing in", r"i happen to be", r"i(?:'m| am) your (?:guy|person|girl|woman|man)",
    r"you know where to find me", r"that's (?:exactly )?why (?:i|we) (?:started|founded|built|created)",
    r"(?:launching|starting|building) (?:a|my|our) (?:startup|company|business|app|product)",
    r"i(?:'ve| have) (?:built|founded|started|scaled|sold|exited|launched|grown) (?:\w+ ){0,2}(?:companies|startups|businesses|brands|products)",
    r"i(?:'ve| have) been doing (?:this|it) for (?:\d+|over|more than|twenty|fifteen|ten|decades)",
    r"i know (?:this|that|the) (?:space|industry|market) (?:inside out|really well|better than)", r"my (?:expertise|specialty|speciality)",
    r"i(?:'m| am) (?:pretty |really |very )?(?:well[- ]known|well[- ]connected|respected)", r"i(?:'ve| have) (?:spoken|presented|keynoted) at",
    r"\$\d[\d,]* (?:a|per) (?:month|year|week|day|head|hour|session)",
)
# Presenting one's own business or selling role: fine as an answer, a pitch when unasked.
BUSINESS_SELF = _words(
    r"i (?:run|own|founded|co-founded|started|manage|have) (?:a|an|my own|the|our)? ?(?:[\w-]+ ){0,3}(?:company|startup|agency|"
    r"consultancy|firm|studio|practice|business|shop|brand|platform|app|service|channel|podcast)",
    r"i(?:'m| am) (?:a|an|the) (?:[\w-]+ ){0,2}(?:consultant|coach|recruiter|broker|agent|freelancer|founder|co-founder|"
    r"vendor|rep|salesperson|sales rep|contractor|advisor|adviser|planner|trainer|headhunter)s?\b",
    r"my (?:company|agency|firm|consultancy|studio|startup|business|practice|clients|customers|product|services?)",
    r"i sell (?:a|an|the|our|my)\b", r"i run one\b",
    r"we (?:build|sell|offer|provide|install|supply|distribute|manufacture) \w+",
)
# A numeric claim ("cuts pages by 70%") is promotion when the user speaks for a "we".
CLAIM = _words(
    r"\d+ ?(?:%|percent) (?:fewer|less|more|faster|cheaper|reduction|increase|lower|higher|drop|off|of (?:them|those|your|all))",
    r"(?:cuts|reduces|saves|boosts|deflects|closes|resolves|doubles|triples|increases|improves) (?:\w+ ){0,4}(?:by |about |around |up to |over )?(?:\d+|half)",
    r"(?:\d+|ten|two|three|five)(?:x| times) (?:faster|more|cheaper|better)",
)
WE = _words(r"we", r"our", r"we're", r"we've")
# Fishing for the budget or the buyer: steering towards what the user sells.
STEERING = _words(
    r"(?:what's|what is|do you have) (?:a |your |the |any )?(?:\w+ )?budget",
    r"budget (?:line|allocated|for next year)",
    r"who (?:signs off on|makes|handles|approves|owns|decides on) (?:the )?(?:\w+ )?(?:purchas\w*|"
    r"buying|vendors?|software|budget|decisions?|tools?)",
    r"decision[- ]maker", r"are you the (?:right )?person (?:to talk to|who)",
    r"who(?:'s| is) the (?:right )?person (?:to talk to|i should|at)", r"are you (?:guys )?looking for (?:a|an|any) \w+", r"procurement", r"purchasing process",
    r"vendor (?:process|list|onboarding)", r"approved vendor", r"\brfp\b", r"how (?:do|would|could) (?:i|we) get (?:on|onto|into|in with) (?:your|the)",
)
CALL_TO_ACTION = _words(
    r"(?:quick|free|live|short|product|personali[sz]ed|\d+-minute|[a-z]+-minute|our|a) demo(?! day)",
    r"demo (?:call|this week|next week|for you|of our)", r"(?:set up|book|schedule) (?:a|some) demo",
    r"(?:free|\d+-day|[a-z]+-day) trial", r"trial link", r"(?:start|get you|set you up with) (?:on )?a trial",
    r"free pilots?", r"pilot our",
    r"book (?:a|some) (?:call|meeting|time|demo|slot)",
    r"(?:hop|jump|get you|get on) on a (?:quick )?call",
    r"(?:\d+|five|ten|fifteen|twenty|thirty)[- ]minute (?:call|chat|demo|meeting|walkthrough)",
    r"(?:set up|schedule) (?:a|some) (?:call|time|meeting|chat|visit)",
    r"call (?:me|us) (?:and|to) (?:we'll|set|get|discuss|book)", r"a call (?:next|this|on) \w+", r"(?:open|free) (?:to|for) a (?:quick )?(?:call|chat|meeting)",
    r"let's (?:set up|schedule|find|get) (?:a )?(?:time|call|meeting)", r"get you in front of",
    r"booth \d+", r"come by (?:our|the|my) booth", r"walk you through (?:our|the|my) (?:deck|product|platform|demo|pitch)",
    r"(?:can|could|may) i (?:get|grab|have|take) your card",
    r"sign (?:up|you up)", r"register (?:now|today|here)", r"registration link", r"subscribe",
    r"wishlist it", r"qr code", r"beta list", r"waitlist", r"early access", r"join our",
    r"download (?:our|the app|my)", r"(?:link|url) to (?:our|my)", r"visit our", r"check out (?:our|my)",
    r"follow (?:us|me) on", r"buy (?:from us|from me|our|my|one|it from (?:us|me)|now|today)", r"purchase", r"place an order", r"sign (?:a|the) (?:contract|deal|loi)",
    r"invest in (?:us|our)", r"want one\?", r"spots? left", r"lock in",
    r"send (?:you |over )?(?:our|my) (?:terms|portfolio|deck|pricing|brochure|proposal|whitepaper|"
    r"case stud\w*|one-pager|rate card|materials|media kit)",
    r"introduce me", r"connect me (?:with|to)", r"put me in touch", r"put in a (?:good )?word for me",
    r"refer me", r"pass (?:along )?my (?:resume|cv|name|deck|info)", r"here's my (?:resume|cv|deck)",
    r"send (?:it|them|work|clients|business|referrals|leads) (?:our|my) way",
    r"get me (?:in|into|a meeting|an intro\w*|in front)", r"(?:can|could) you get me",
    r"(?:mention|tell) (?:to )?your (?:ceo|boss|cto|manager|vp|director|team) (?:that|about) (?:we|us|our|me|my)",
    r"(?:your|the) (?:boss|manager|cto|ceo|vp|hiring manager|principal|dean|director)(?:'s)? "
    r"(?:contact|email|number|info)", r"pitch (?:her|him|them) my",
    r"looking for a design partner", r"are you (?:guys )?hiring", r"(?:any|have any) (?:openings|open roles|positions)",
    r"if you(?:'re| are) ever hiring",
    r"send you my (?:cv|resume|portfolio|deck|reel)", r"here's my (?:github|portfolio|website|linkedin|number|email|reel)",
    r"keep me in mind", r"if you hear of (?:anything|any|a role|an opening)", r"refer (?:\w+ ){0,2}to me",
    r"recommend me", r"vouch for me", r"put my name forward", r"introducing me", r"mention me to", r"pitch you",
    r"scan your badge", r"mailing list", r"add you to (?:our|my)", r"\d+ ?(?:%|percent) off", r"sign (?:today|now|up today)",
    r"(?:come to|stop by|join us at|visit) (?:our|my) (?:booth|event|webinar|workshop|talk|session|stand|table|open house)",
    r"you should come", r"calendar invite", r"on your calendar",
    r"send (?:you )?(?:a|our|my) (?:proposal|quote|contract|invoice|one-pager|brochure|price list)",
    r"are you free (?:on |this |next )?\w+day", r"(?:free|available) for (?:a )?(?:call|coffee|chat|meeting)",
    r"pick your brain", r"someone at your (?:company|firm|org\w*|team|school|hospital|city) (?:i|we) (?:should|could) (?:talk|speak|reach)",
    r"we should (?:\w+ )?(?:partner|collaborate|work together|team up)",
    r"if you (?:ever )?need an? [\w ]{1,30}(?:i'm|i am|we're|call me|email me|let me know)", r"let's (?:collaborate|partner|work together|team up)",
    r"be my (?:mentor|sponsor|reference|investor)", r"kickstarter", r"crowdfund\w*", r"vote for (?:us|me|our)",
    r"leave (?:us|me) a review", r"join my team", r"try it (?:free|for free)", r"count on your (?:support|gift|donation)",
    r"give (?:today|tonight|now)", r"every little bit helps",
    r"(?:mind if i|let me|can i|could i|may i) (?:get|grab|have|take) your (?:card|email|number|info|contact)",
    r"(?:\d+|five|ten|fifteen|a few|two) minutes of your time",
    r"(?:grab|get|find|have|take|steal) (?:\d+|five|ten|fifteen|twenty|thirty|a few) minutes",
    r"(?:do you have|got|have you got) (?:a (?:minute|sec|second|moment))", r"\bwe (?:can|could) (?:really |definitely |totally )?help (?:you|your)",
    r"(?:drop|send|bring|leave) (?:off )?(?:some |a few |you )?samples", r"(?:looking for|need) (?:beta|early|pilot) (?:users|testers|customers)",
    r"(?:your|the) (?:team|company|firm|group|clinic|org\w*|school|hospital) (?:is |might be )?hiring",
    r"(?:a )?presentation from (?:us|me|our)", r"(?:interested|open) (?:in|to) working with (?:us|me)",
    r"follow up about (?:our|my)", r"raising (?:a |our )?(?:pre-seed|seed|series|round)",
    r"(?:could|can|may) i (?:meet|talk to|speak with|get a meeting with|get in front of) (?:your|the) (?:boss|manager|cto|ceo|vp|"
    r"director|head|founder|team|buyer|principal|dean|purchasing)", r"try us", r"put me in front of",
    r"(?:would|might) (?:your \w+|you) (?:want|like|be willing) to (?:try|buy|use|partner|work with|hire|invest|sponsor|pilot)",
    r"consider investing", r"book (?:some )?time with you", r"(?:could|can|may) i (?:get|have) an? intro", r"intro me\b",
    r"an intro(?:duction)? (?:to|with) (?:your|the) (?:boss|manager|ceo|cto|vp|director|team|buyer|founder|head)",
    r"ask you a favou?r", r"(?:would|could) you (?:be willing to |mind )?\w+ (?:\w+ ){0,3}for me\b", r"do you have a (?:business )?card", r"take a look at my",
    r"(?:can|could|may) i tell you (?:about|more about) (?:my|our|what)", r"hear (?:more )?about (?:what (?:i|we) do|my|our)",
    r"(?:feedback|thoughts) on (?:my|our) (?:app|startup|product|deck|pitch|idea|book|site|website|demo)",
    r"(?:would|will) you (?:invest|back|fund)", r"follow up (?:with you )?(?:next week|later|by email|on this)",
    r"do you know (?:anyone|anybody|someone|somebody|any \w+) (?:who(?:'s| is| are)? )?(?:hiring|investing|looking for (?:a|an) \w+|"
    r"buying|who might (?:hire|invest|buy))",
    r"(?:could|can|shall) we (?:find|grab|get|set up|schedule|book) (?:\w+ ){0,2}(?:minutes|time|call|coffee|meeting|chat|slot)",
    r"let's (?:talk|discuss|chat about) (?:numbers|pricing|terms|a deal|business|rates|how (?:we|i))",
    r"(?:do you have|got) (?:a (?:few|couple of)|five|ten|\d+) minutes", r"set up a (?:pilot|trial|demo|call|meeting)",
    r"a pilot (?:for|with|at) your", r"(?:can|could|may) i (?:show|send) you (?:\w+ ){0,3}(?:info|information|what we|how we|"
    r"our|a quick|some details)", r"i(?:'d| would) love to (?:show|tell) you (?:about|how|what)",
    r"(?:would|are) (?:you|your \w+) (?:be )?(?:interested|open) (?:in|to) (?:a (?:call|demo|meeting|quick|presentation|trial)|"
    r"an? (?:intro|chat)|our|my|trying our|hearing (?:more )?about (?:our|my|what we)|seeing (?:our|what we|a demo))",
    r"would you (?:ever )?consider (?:leaving|joining|switching|moving|working for|coming to|a move)",
    r"want a (?:quote|demo|trial|sample|discount|brochure)\b", r"(?:get|give|send) you a quote",
    r"(?:our|a) booth (?:right )?(?:here|at|number|over there)", r"even (?:a|one) (?:dollar|euro|pound|buck|little)",
    r"every (?:dollar|bit|penny) (?:helps|counts)",
    r"send (?:you )?(?:our |my |the )?(?:rates|pricing|prices|price list|rate card) (?:over|across)?", r"send over (?:our |my )?(?:rates|pricing)",
    r"add you to (?:the|our|my) (?:beta|list|waitlist|newsletter)",
    r"would you (?:ever )?consider (?:sponsoring|donating|giving|supporting|a gift|a donation|a monthly|pledging|signing up|"
    r"subscribing|buying|investing|joining us|partnering)", r"(?:reasonable|competitive|friendly|special) (?:rates?|prices?|pricing)",
    r"hire me", r"work for you", r"is your (?:team|company|clinic|firm|group|hospital|school) hiring",
    r"pass (?:it|this) to the hiring manager",
    r"(?:would|could|will|can|want to|like to) (?:you )?(?:\w+ ){0,3}donat\w*", r"(?:make|making|consider) (?:a )?donation",
    r"donate (?:today|tonight|now|\$|some|a little|what you can)", r"your donation", r"make a (?:gift|contribution)", r"would you (?:consider )?pledg\w*",
    r"consider (?:giving|donating|supporting|chipping in)", r"chip in", r"sponsor (?:us|our|me)",
    r"even \$\d+", r"i can sign you up", r"put you on (?:the|our) (?:beta|list|waitlist)",
    r"(?:i|we) can (?:give|get|set) you (?:up with )?(?:a |an |our )?(?:free |early )?(?:trial|pilot|"
    r"access|discount|account|license|quote)",
    r"(?:give|get) you a (?:[\w-]+ )?(?:rate|discount|deal)", r"take a call", r"call with (?:our|my) (?:sales|team|founder|ceo)", r"(?:show|give) you a (?:quick )?(?:demo|walkthrough|tour of our)",
    r"get you a discount", r"add you on linkedin", r"connect on linkedin", r"our whitepaper",
    r"(?:see|show you|look at) (?:the |our |my )?(?:deck|pitch deck|portfolio)",
    r"(?:want|like) to see it", r"come out to (?:the|your) (?:farm|office|site)",
)
# Asking for their contact is a sales move unless the user is sending them help.
CONTACT_ASK = _words(
    r"(?:what's|what is) (?:the best|your|a good) (?:email|number|contact|address)",
    r"(?:can|could|may) i (?:get|grab|have|take) your "
    r"(?:email|number|contact|info|details|linkedin)", r"give me your (?:email|number|contact)",
    r"let me (?:get|grab|take) your (?:info|email|number|card|contact)", r"best way to (?:reach|contact|get hold of) you",
    r"(?:here's|here is|take|have) my (?:business )?card", r"my card", r"give you my card",
)
PITCH_QUESTION_OPENER = re.compile(
    r"^(?:\W*\w+[,!.]\s+)?(?:have you (?:ever )?(?:thought about|considered|looked at|tried|heard of)|"
    r"do you know (?:what|how much|how many)|did you know|ever thought about|what if (?:you|i told)|"
    r"would you be (?:open|interested)|are you (?:open|interested)|wouldn't it be|how much time)",
    I,
)


# ---------------------------------------------------------------- helpfulness
OFFER_COMMIT = re.compile(
    r"\b(?:" + _ME_WILL + r"\s+(?:\w+\s+){0,2}?" + _HELP_VERB
    + r"|want me to (?:\w+ ){0,2}?(?:send|introduce|intro|connect|grab|email|text|ask|walk|share|forward|put|pass|look|check|help|find)"
    + r"|(?:shall|should) i (?:introduce|send|connect|email|text|grab|ask|walk)"
    + r"|let me (?:introduce|send|connect|email|text|grab|get you|find|ask|write|walk|put you)"
    + r"|happy to (?:send|share|intro|introduce|connect|walk|review|look|grab|chat|talk|pass|put you|make (?:an|the) intro|"
    + r"set up|loop you|forward|lend)"
    + r"|(?:you can|feel free to) (?:use|have|borrow) my|\bcome with me\b"
    + r"|(?:come on|come with me|follow me),? i(?:'ll| will)"
    + r"|i(?:'m| am) (?:going to|gonna) (?:text|email|send|introduce|call|message|ping|grab|bring|forward|connect)"
    + r"|(?:can|could|may) i (?:introduce|send|connect|text|email|forward|share|intro|pass|bring|grab|walk|loop)"
    + r"|want an? (?:intro|introduction)|let's go (?:find|meet|say hi|talk to|grab)"
    + r"|(?:take|have|borrow|keep) my (?:copy|notes|spare|extra|book)|(?:^|[,;—-]\s*)take (?:it|mine)\b|you can (?:have|take|keep) (?:it|mine|my)"
    + r"|here(?:'s| is) (?:her|his|their|the) (?:number|email|card|contact|link|name)"
    + r"|i can (?:make|set up) (?:the|an) (?:intro|introduction)|(?:happy|glad) to make (?:the|an) intro\w*"
    + r"|(?:i|we) (?:can|could|'ll|will) get you (?:a meeting|an intro\w*|in touch|connected|a seat|on (?:the|her|his) calendar)"
    + r"|(?:her|his|their) (?:email|number|cell|handle) is|come (?:on|with me)[,!—-]* (?:she's|he's|they're|let's|i'll)"
    + r"|let me know if you(?:'d| would)? (?:want|like) (?:her|his|their|the|my|an?) (?:contact|email|number|link|template|notes|"
    + r"intro\w*|info|slides|copy|name|details)"
    + r"|i(?:'ll| will) (?:introduce|send|email|text|walk|grab|message|ask|loop|copy|cc|drop|bring|forward|share|write)"
    + r")\b",
    I,
)
GENERIC_OFFER = _words(
    r"let me know if", r"if you (?:ever )?need (?:anything|help|something|a hand)",
    r"reach out (?:anytime|any time|if)", r"happy to help", r"feel free to", r"here (?:for you|if you need)",
    r"i could maybe", r"i can probably", r"sometime", r"someone (?:who|sometime)", r"a few people",
    r"i know (?:a guy|some people|a few people|people)", r"lots of (?:\w+ )?(?:resources|options|people)",
    r"read up on", r"best practices", r"there are (?:\w+ )?(?:grants|resources|programs|people|tools)",
    r"(?:more )?networking events", r"if you ever want", r"i'm around",
    r"(?:is|are) (?:really |so |very |super )?(?:important|key|essential|crucial) (?:for|to|when)",
    r"(?:is|are) (?:really |honestly )?(?:just|all about) \w+", r"you (?:just |really |simply )?need (?:more|to be more|a little more) \w+", r"anytime", r"any time",
    r"(?:talk|speak) to (?:some )?(?:other|more) \w+", r"network(?:ing)? more", r"more networking",
    r"get (?:yourself )?out there", r"put yourself out there", r"keep (?:trying|at it|going|pushing)",
    r"stay positive", r"be patient", r"hang in there", r"if there's anything i can do", r"i can ask around",
    r"i might know someone", r"i'll keep an eye out", r"(?:know|introduce you to|connect you with|put you in touch with) (?:some|a few) (?:folks|people|contacts)",
    r"(?:introduce|connect) you (?:to|with) (?:someone|somebody|some people|people)", r"happy to brainstorm",
    r"there's probably", r"i bet (?:someone|a \w+) (?:could|can)", r"(?:worth|try) googling", r"tried google",
    r"(?:find|look) (?:it |that )?(?:up )?online", r"lots of info", r"a lot of info", r"let you know if i hear", r"we should (?:stay in touch|keep in touch)",
)
ADVICE_QUESTION = _words(
    r"(?<!what )(?<!which )(?<!how )(?<!where )have you (?:ever )?(?:tried|considered|thought about|looked at|looked into|checked out|"
    r"explored|asked|heard of|talked to|reached out to|spoken to|applied to|applied for)",
    r"^(?:maybe|perhaps) ", r"(?:what|how) about (?:trying|asking|using|a |an |the )",
    r"^could (?:the|a|an|it|that|this|they|some) ", r"(?:is|are|would) (?:your \w+|you|they) (?:be )?open to (?:anything|something|trying|that)", r"would it (?:help|work) (?:if|to)", r"^(?:is|are) there (?:a|any) way",
    r"what if you", r"why not (?:try|ask|start|use)", r"could you (?:try|ask|start|use)",
)
ADVICE = _words(
    r"you (?:could|might|may want to|might want to|can try|could try|should)\b", r"you (?:just |really )?need (?:to|more|a)\b",
    r"if you (?:can |could )?(?:show|send|get|make|put|ask|start|offer|try|use|post|track|charge|raise|lead)",
    r"what (?:finally )?(?:worked|helped|moved it|fixed it|made the difference)",
    r"one thing that (?:works|worked|helps|helped)", r"you(?:'d| would) be within your rights",
    r"^standard (?:for|is)", r"(?:the )?standard (?:rate|fee|price|practice) (?:is|for)", r"the (?:trick|key|secret) is", r"worth (?:a look|looking|trying|checking)",
    r"what if you", r"if i were you", r"i(?:'d| would) (?:just |probably |honestly )?(?:suggest|recommend|try|start|quit|ask|"
    r"push|look|lead|go with|tell|say|skip|drop|walk|write|send|document|frame|book|set|get|talk|reach|email|call|"
    r"keep|put|make|build|create|track|use|offer|raise|lower|charge|bring|focus)", r"my advice",
    r"you can (?:check|find|get|use|ask|apply|search|look|try|request|download|borrow)",
    r"(?:is|are) worth (?:a look|trying|asking)", r"(?:maybe|perhaps) (?:try|ask|look|start|consider|talk|reach|get)",
    r"(?:might|could|would|may) (?:help|work|take some|be worth|make a difference|do the trick|ease|fix)",
    r"it (?:might|could|can|may) help to", r"it helps to", r"one option is", r"another (?:option|idea)",
    r"(?:a|one) (?:simple|quick|cheap|easy) (?:fix|trick|thing)", r"what tends to work", r"rule of thumb",
    r"the (?:usual|standard|common) (?:fix|approach|move|answer)", r"i'd start (?:with|by)", r"here's what (?:we|i|they) did",
    r"i(?:'ve| have) seen (?:\w+ ){0,3}(?:do|use|try|run|set|put|start)", r"we ended up",
    r"the (?:going|market|standard) rate", r"most (?:\w+ )?(?:charge|ask for|pay|use)",
    r"worth a (?:shot|try|go)", r"(?:one|an|a quick|my) idea(?::| is| would be| -)", r"game[- ]changer",
    r"(?:what|the thing that|something that|what really) (?:worked|helped) (?:for )?(?:me|us)",
    r"(?:usually|typically|generally|often) (?:works|helps|fixes|solves)", r"(?:is|are) (?:pretty )?(?:standard|the norm|typical) ",
    r"(?:best|easiest|cheapest|fastest|simplest|better|only) (?:way|option|move|bet|fix) (?:is|was|to)",
    r"(?:it's|it is) (?:way |much |a lot )?(?:cheaper|easier|faster|better|smarter) to", r"(?:the|a) (?:key|trick|secret) (?:is|was|to)",
    r"we found (?:that )?", r"in my experience", r"what works (?:is|for)", r"works (?:really )?well", r"pays? off",
    r"saves? (?:a lot|time|money|hours)",
    r"(?:charges?|charging|costs?|pays?|bills?) (?:about|around|roughly|like|maybe|at least|upwards of) ",
    r"you(?:'ve| have) (?:probably |likely )?got (?:room|time|leverage|options)",
)
IMPERATIVE_START = re.compile(
    r"^(?:\W*(?:honestly|so|also|and|but|maybe|then|oh|okay|ok|just|definitely|seriously),?\s+)?(?:(?:for|with|when|in|on|at|before|after|next time) [^,]{1,40},\s+)?(?:try|consider|lead|start|put|ask|use|offer|"
    r"block|set|post|pair|track|show|bring|frame|make|split|cap|rotate|schedule|apply|look|check|"
    r"talk|read|join|skip|record|email|call|write|move|charge|build|pitch|focus|get|go|reach|hire|"
    r"partner|quote|bill|invite|create|host|run|give|drop|cut|raise|lower|batch|automate|delegate|text|"
    r"send|list|keep|stop|add|require|ban|limit|cross-train|rotate|swap|take|stay|lean|remember|trust|find|document|"
    r"negotiate|pilot|test|start|record|invite)\s+\w+\s+\w+",
    I,
)
ANECDOTE = _words(
    r"(?:a lot of|lots of|many|most|plenty of|some) (?:\w+ ){0,3}?(?:people|folks) (?:\w+ ){0,3}?(?:i know |i've seen )?"
    r"(?:swear|use|do|start|put|run|send|ask|charge|quote|move|switch|join|find|say|get|keep|offer|give|have)",
    r"(?:a lot of|lots of|many|most|plenty of|some) (?:\w+ ){0,2}\w+s (?:i know|swear|use|do|have|started|start|put|run|"
    r"send|ask|charge|quote|moved|switched|joined|got|batch|block|keep|offer|give|fill|sell|publish|share|post|provide|track|find|say|"
    r"report|(?:now|already|often|usually) \w+)",
    r"(?:a|one|my) \w+ i know",
    r"\bwe (?:started|switched|moved|tried|began|set up|put|added|made|stopped|introduced|built|redesigned|ended up)",
    r"(?:got|worked for|helped|saved) us",
    r"(?:a|one|two|my|another|a couple of|a few|some|their|his|her) (?:\w+[ -]){0,2}?(?:friend|colleague|cousin|"
    r"neighbou?r|district|hospital|plant|team|company|school|clinic|studio|restaurant|place|super|pm|"
    r"principal|farmer|library|libraries|photographers?|founders?|brewer(?:y|s)?|nurse|manager|teacher|"
    r"ceo|cto|credit union|museum|recruiter|\w+s i know)s?",
    r"(?:on|at|in) (?:a|one|my|the) (?:team|company|job|place|firm|hospital|school) i (?:was|worked)",
    r"(?!(?:so|and|but|that|what|because|as|if|now|well|yeah|honestly|i|you|they|we|it)\b)\w+ i (?:know|worked with)",
)
RESULT = _words(
    r"dropped", r"fell", r"halved", r"doubled", r"cut", r"went (?:up|down)", r"stopped",
    r"disappeared", r"vanished", r"improved", r"jumped", r"increased", r"decreased", r"shrank",
    r"got (?:\d+|a|the|them|their|into|my|his|her|our|it|us)", r"worked", r"helped", r"percent", r"half", r"\d+%",
    r"noticeably", r"had a line", r"swear by", r"helps\b", r"changed (?:how|the|my|everything|things)", r"solved", r"fixed", r"turned (?:it|things) around", r"sell out", r"sold out", r"fills?", r"kept (?:\w+ ){0,3}free", r"rave about", r"think twice", r"made the switch", r"moved (?:it|them)", r"so (?:nobody|no one|they|people) (?:can|could|don't|stopped)",
)
RESOURCE = _words(
    r"toolkit", r"templates?", r"guides?", r"checklists?", r"books?", r"articles?", r"papers?",
    r"stud(?:y|ies)", r"reports?", r"webinars?", r"courses?", r"podcasts?", r"programs?", r"programmes?",
    r"grants?", r"cost-share", r"assessments?", r"slides?", r"pdf", r"links?", r"recordings?", r"notes",
    r"worksheets?", r"playbooks?", r"forms?", r"sheets?", r"spreadsheets?", r"repo", r"github",
    r"newsletters?", r"meetups?", r"circles?", r"fellowships?", r"scholarships?", r"funds?",
    r"series", r"panels?", r"sessions?", r"frameworks?", r"methods?", r"database", r"directory",
    r"youtube", r"chapters?", r"queue", r"contracts?", r"scripts?", r"tools?", r"deposits?",
    r"fee", r"demo", r"talks?", r"sign-up", r"website", r"site", r"app", r"notes?", r"app note",
    r"docs?", r"documents?", r"protocols?", r"write-?up", r"case stud(?:y|ies)", r"charts?", r"examples?",
    r"samples?", r"(?:the )?one (?:we|i) used", r"contacts?", r"emails?", r"lists?", r"kits?",
)
TIME_COMMIT = _words(
    r"tonight", r"tomorrow(?: morning)?", r"today", r"this (?:afternoon|evening|morning|week)",
    r"after (?:this|the) (?:session|talk|panel|speeches|break|lunch|keynote)", r"right now",
    r"at (?:\d+|noon|the break)", r"next break", r"after lunch", r"in (?:a|five|ten) minutes", r"right after",
)
STRINGS = _words(
    r"if you(?:'ll| will| could| can| would)? (?:\w+ ){0,3}?(?:put in|give me|introduce me|intro me|pass|agree|sign|"
    r"buy|take a call|playtest|test my|mention|send me|connect me|refer|book|try our|let me|help me|get me|"
    r"follow|promote|review my|vote|hire|pilot|purchase|subscribe|recommend me|share my)",
    r"if (?:you|your \w+) (?:\w+ ){0,3}(?:wear|post|promote|mention|feature|display|use|tag|share|link|advertise)\w* (?:\w+ ){0,2}(?:our|my|about us|us)\b",
    r"in (?:exchange|return)", r"as long as you", r"i(?:'d| would) just ask", r"all i ask", r"just need you to",
    r"scratch my back", r"quid pro quo", r"you owe me", r"only if you",
    r"(?:and|but|also) (?:could|can|would) you (?:mention|introduce|put|pass|send|get|connect|tell|share)",
)
# A named person, written in capitals: needs case-sensitive matching.
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_NAME = (
    rf"(?:(?:Dr|Prof|Ms|Mr|Mrs)\.?\s+)?[{_UP}][{_LOW}]+(?:[-'][{_UP}]?[{_LOW}]+)?"
    rf"(?:\s+(?:de |van |von |da |del |la |le |[{_UP}]\. )?[{_UP}][{_LOW}]+(?:[-'][{_UP}]?[{_LOW}]+)?)?"
)
NAMED_CONTACT = re.compile(
    r"(?:\b(?:[Ii]ntroduce you to|[Ii]ntro you to|connect you (?:with|to)|put you in touch with|[Yy]ou should (?:meet|talk to|call|email)|by|"
    r"talk to|reach out to|meet|[Ff]riend|colleague|roommate|cousin|mentor|buddy|CTO|CEO|CISO|GM|VP|lead|officer|"
    r"agent|buyer|director|manager|named|called|is|name's|name is|organiser|organizer|founder|owner|editor|host|"
    r"chair|president|professor|partner|coordinator|editor|producer|[Aa]sk for|[Ll]ook for),?\s+(" + _NAME + r"))"
    r"|(?:(?<=[\w,;:]\s)(" + _NAME + r")(?:,\s[^,.]{3,60},)?,?\s+(?:runs|leads|heads|hires|manages|founded|started|built|did|went|"
    r"ran|loves|handles|teaches|used to|does|moved|wrote|published|cares|reviewed|coaches|works|posts|says|said|told|"
    r"knows|hosts|organi[sz]es|mentors|invests|funds|helped|helps|recruits|placed|writes|is (?:speaking|presenting|"
    r"here|at|by|over|the)|was|has been|just|and (?:her|his) team))"
    r"|(?:^(" + _NAME + r")(?:,\s[^,.]{3,60},)?\s+(?:runs|leads|heads|hires|manages|founded|started|built|went|ran|"
    r"handles|teaches|used to|moved|wrote|published|coaches|works|is (?:speaking|presenting|here|at)|was))",
    re.MULTILINE,
)
NOT_A_PERSON = frozenset(
    """The This That These Those There Their They It Its Our We I You Your My He She His Her
    Steam Next Fest Discord LinkedIn GitHub YouTube Google Slack Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September October
    November December Whole Foods Raw Fury Hy Vee Harvard Extension Ohio Portland Seattle Charity
    Navigator Kresge Foundation Honestly Yeah Also And But So Then Oh Ha Hey Sounds Funny One Two
    Lo Das Interviewers Recruiters Buyers Teachers Nights Wow Okay Put Lead Try Ask Want Happy
    What How Why Where When Who Which Did Do Does Is Are Can Could Would Will Should Have Has
    Credit Union University College Hospital School Center Centre Institute Room Hall Booth""".split()
)
INVITATION = re.compile(
    r"^(?:\W*\w+,\s+)?(?:tell me (?:more|about|what|how)|walk me through|i(?:'d| would) love to (?:hear|know|understand|learn)|"
    r"i(?:'m| am) curious (?:about|what|how|why|whether)|i wonder (?:what|how|why|if|whether)|say more|"
    r"i(?:'d| would) love to hear)",
    I,
)

# Information about a resource, not just a word like "talks" or "fund".
INFO_FRAME = _words(
    r"there(?:'s| is| are) (?:a|an|this|some|one)", r"(?:has|runs|offers|publishes|lists|keeps|hosts|"
    r"has got) (?:a|an|free|the|its|their|\w+ free)", r"(?:is|are|it's) free", r"on (?:their|the) (?:site|website)",
    r"(?:is|are|it's) (?:already )?(?:up )?on youtube", r"(?:is|was) (?:written|published|run) by", r"by [A-Z]\w+ [A-Z]\w+",
    r"(?:has|have|runs|offers|publishes|gives|provides|lists|hosts) (?:\w+ ){0,2}(?:grants?|programs?|funds?|"
    r"toolkits?|templates?|guides?|webinars?|courses?|meetups?|workshops?|assessments?|lists?|lines?|kits?)",
    r"published (?:\w+ ){0,2}(?:online|on their site|a guide|a report)", r"(?:shows|lists|rates|ranks|tells you) (?:which|what|how|where)", r"research (?:is|by|from|shows)", r"stud(?:y|ies) (?:is|by|from|show)", r"(?:is|it's) called", r"look up",
    r"(?:a|the) (?:\w+ ){0,2}program (?:that|for|which)", r"(?:covers|matches|funds|pays for|pays out|reimburses)",
    r"(?:office|program|team|agency|center|centre|desk) (?:here |there )?(?:can|will) (?:enroll|sign|help|walk|get) you",
)
# Using the user's own product as the "help": counts as a generic offer at most.
PRODUCT_AS_HELP = _words(
    r"free (?:pilot|trial|assessment|audit|review|consultation|session)s?", r"for free", r"no charge",
    r"on the house", r"run (?:the )?numbers for you", r"review your", r"(?:i'll|i will|i can) get you in front of",
    r"(?:first-timer|special|discount|introductory|reduced) rate", r"free consultation", r"for (?:\d+|a) ?(?:%|percent) of", r"consultation(?:'s| is) free",
    r"at cost", r"pro bono", r"\d+ ?(?:%|percent) off", r"members get", r"samples", r"(?:for|at) a (?:small )?(?:\d+% )?(?:fee|commission)",
    r"(?:i|we) (?:can|could|'ll|will|'d) (?:\w+ ){0,2}(?:get|automate|fix|handle|build|do|train|certify|source|find|"
    r"review|set up|run|refer|design|write|manage) (?:\w+ ){0,3}(?:for you|your)", r"we(?:'d| would) do", r"we could refer",
    r"free (?:[\w-]+ )?(?:trial|pilot|audit|assessment|consult\w*|session|sample|month|account|version|tier|report|guide|"
    r"ebook|webinar|access)", r"early access", r"(?:give|get) you (?:a |an |our )?(?:\w+ )?(?:discount|deal|rate|access|trial|account)",
    r"trial link", r"(?:i|we) (?:can|could|'ll|will) (?:\w+ ){0,2}(?:help you|take care of|sort (?:it|that) out|set you up)",
)

# Someone the user knows, without a name: still a concrete contact when it fits.
CONTACT_MENTION = _words(
    r"(?:my|a|one) (?:good |old |former )?(?:friend|colleague|contact|cousin|sister|brother|neighbou?r|boss|mentor|"
    r"classmate|roommate|buddy|client) (?:who|at|in|from|runs|works|teaches|leads|does|did|started|has|is)",
    r"i know (?:someone|somebody|a (?:woman|man|guy|person|founder|director|recruiter|\w+)) (?:at|from|who|in) \w+",
    r"i (?:actually )?know (?:the|a|their|her|his) \w+(?: \w+)? (?:at|from|of|for) ", r"my (?:accountant|lawyer|attorney|"
    r"banker|agent|doctor|therapist|coach|editor|designer|contractor) (?:works|is|does|has|specializes|knows)",
)

# Follow-up asks ("shoot me an email", "let's chat more"): a call to action once the
# turn is already selling, an ordinary kindness otherwise.
PROMO_FOLLOW_UP = _words(
    r"(?:show|walk) you (?:how it works|through it|around it|what it can do)", r"see it in action",
    r"(?:drop|swing|come) by (?:our|my|the) (?:booth|stand|table|office)", r"check us out", r"our website is",
    r"find us (?:at|on)", r"shoot me an? (?:email|message|text|note)", r"give me a (?:call|ring|shout)",
    r"(?:email|call|text|message|ping|dm) me(?! if you need| anytime| any time)", r"reach out to me(?! if| anytime)",
    r"let's (?:chat|talk) more", r"we should (?:talk|chat|grab coffee|get coffee|meet|connect)", r"i'll follow up",
    r"(?:grab|get) (?:a )?coffee (?:sometime|next week|and|to)", r"let's connect", r"stay in touch",
    r"see how it works", r"get you set up", r"(?:love|like) to have you", r"(?:you should|worth) (?:try|trying|give) it",
    r"give (?:it|us) a (?:try|shot|go)", r"try it out", r"check it out", r"take a look", r"i can show you",
    r"how (?:we|i) (?:could|can) help", r"find a time", r"reach out", r"my (?:email|number|handle) is", r"hit me up",
    r"dm me", r"if you(?:'re| are) (?:ever )?interested",
)

# A trade that sells services ("I'm a grant writer ... I can write yours for 10%"): the
# role counts as promotion only when the turn also offers the user's work.
SERVICE_ROLE = _words(
    r"i(?:'m| am) (?:a|an) (?:[\w-]+ ){0,2}(?:writer|designer|photographer|developer|marketer|accountant|lawyer|attorney|"
    r"translator|copywriter|illustrator|editor|realtor|engineer|therapist|videographer|architect)\b",
)
