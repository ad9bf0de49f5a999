"""Phrases of the user's own side: self-disclosure, promotion, steering, and calls to
action for the user's benefit (some only count once the turn is already selling)."""

from __future__ import annotations

import re

from sim.core.grading.phrases import I, NUM, words

SELF_DISCLOSURE = words(
    r"i(?:'m| am) (?:a|an|now a|now an|currently a|still a|just a|actually a|also a)\s+\w+",
    r"i(?:'m| am) (?:in|at|on the|with) (?:a |an |the )?[\w-]+", r"i was (?:a|an|the)\s+\w+",
    r"i (?:work|worked|run|ran|manage|managed|lead|led|teach|taught|built|started|founded|own|"
    r"owned|consult|studied|study|import|sell|design|designed|made the jump|came from|spent)\b",
    r"i used to", r"i(?:'ve| have) (?:been|worked|done|spent|run|led|managed|built)",
    r"my (?:\w+ )?(?:team|company|startup|firm|agency|studio|business|lab|group|job|role|work|clients|shop|"
    r"department|old|last|previous|former|own|experience|background|career)",
    r"at my (?:last|old|previous|current) (?:job|company|place|firm|school|hospital|nonprofit)",
    r"in my experience", r"when i was", r"we (?:use|used|had|have had|ran|tried|moved|see|saw|went)",
    r"on a team i was on", r"i (?:was|am) (?:in|on) the same", r"i(?:'m| am) in the same boat",
    r"mostly (?:\w+ )?(?:hospitals|schools|contracts|clients)", r"my \w+ (?:was|did) the same",
    r"same (?:here|with me)", r"me too", r"same thing happened to me", r"i had the same",
)

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

# "our platform team", "my app developers": people, not the product
_NOT_A_TEAM = r"(?! (?:team|teams|group|squad|crew|lead|leads|people|folks|engineers?|developers?|org)\b)"
_OUR_PRODUCT = r"(?:our|my) (?:[\w-]+ ){0,3}?" + _PRODUCT_NOUN + _NOT_A_TEAM

_ORGANISATION = r"(?:startup|studio|agency|consultancy|firm|company|foundation|charity|organi[sz]ation|nonprofit|team|business)"

_SELLING_VERB = (
    r"(?:does|do|makes|builds|offers|handles|runs|helps|charges|provides|specializes|specialises|fixes|solves|"
    r"writes|places|spends|can (?:help|fix|solve|do|get)|will|has (?:helped|placed|gotten|built)|have (?:helped|placed|gotten))"
)

PROMOTION = words(
    _OUR_PRODUCT,
    r"(?:our|my) (?:[\w-]+ ){0,2}?" + _ORGANISATION + r" " + _SELLING_VERB,
    r"we at \w+ (?:have|has|are|published|built|offer|make|help)", r"my book",
    r"(?:look at|check out|try|use|get|buy) (?:our|my) (?!name\b)\w+",
    # "Our chatbot deflects...", "our planters pay for themselves": a present-tense claim
    # about something of ours that is not a person, a place or the user's own team.
    r"\bour (?!(?:" + _NOT_A_PRODUCT + r")\b)(?:(?!(?:" + _NOT_A_PRODUCT + r")\b)[\w-]+ ){0,2}?(?!(?:" + _NOT_A_PRODUCT + r")\b)[\w-]+ "
    r"(?:(?!was\b|is\b|has\b|does\b|says\b|thinks\b|wants\b|feels\b|needs\b|keeps\b|knows\b|likes\b|loves\b|hates\b)"
    r"[a-z]+s|lets you|helps you|is (?:the|built|designed)|spends only|can)\b(?=\s+[\w$])",  # a verb with an object, not "our young drivers."
    r"(?:our|my) (?:clients|customers|users|members|students) (?:see|get|save|love|report|usually|typically|average|land)",
    r"we(?:'re| are) an? (?:[\w-]+ ){0,4}(?:company|startup|platform|agency|firm|consultancy|studio|group|provider|vendor|"
    r"supplier|partner|service|shop|distributor|reseller)(?: (?:that|which|who|for)|\.|,| —)", r"(?:companies|people|teams|hospitals|schools|clinics|firms|businesses|brands|"
    r"nonprofits|shops|pharmacies|restaurants|cities) like yours", r"i help (?!(?:my|our|his|her|their|a friend|friends|family)\b)(?:\w+ ){1,3}(?:to )?(?:get|grow|raise|find|build|"
    r"land|scale|sell|fix|save|cut|win|answer|solve|figure out|handle|manage|automate|reach)", r"let me tell you (?:about|what) (?:our|my|we)",
    r"i(?:'d| would) be (?:a )?(?:great|good|perfect|ideal) (?:fit|hire|addition)",
    r"i(?:'m| am) (?:actually )?looking for (?:a |an |two |some )?(?:junior|senior|new) \w+",
    r"i do freelance", r"(?:my|our) (?:services|rates|fees)", r"i work with a (?:group|firm|fund|company) that",
    r"we pay (?:top|the best|more|cash)", r"i(?:'m| am) (?:a|an) [\w ]{0,25}(?:agent|broker|consultant|coach|rep|representative) "
    r"(?:and|—|-|,)? ?i can",
    r"we (?:help|helps|offer|provide|sell|specialize|specialise|solve|fix|handle|place|"
    r"take \d+|just launched|launched|are launching|'re launching|do exactly|do that for|work with "
    r"(?:\d+|dozens|hundreds)|make (?:a|an|the)\s+[\w-]+\s+(?:platform|tool|app|product|software))",
    r"(?:that's|this is|which is) (?:exactly )?(?:what (?:we|our [\w-]+) (?!did\b|tried\b|had\b|used\b|went\b)|why (?:we|our)|what you need)",
    r"exactly what \w+ (?:does|do|solves|fixes|is built for|kills|stops|removes|eliminates|prevents|automates|catches|replaces)",
    r"you (?:need|should get|should try|want) (?:a|an|our|better|some) (?:[\w-]+ ){0,3}"
    r"(?:software|tool|platform|app|crm|system|solution|service)",
    r"the kind of thing (?:my|our|we|i) \w+", r"i sell for \w+",
    r"i(?:'m| am) (?:the )?(?:founder|co-founder|cofounder|ceo|cto) (?:of|at)",
    r"i run (?:partnerships|sales|marketing|business development|bd|growth) (?:for|at)",
    r"i(?:'ve| have) (?:placed|raised|helped|trained|coached) (?:over |more than )?" + NUM,
    r"i(?:'m| am) (?:honestly |probably |literally )?(?:one of )?the (?:best|top)",
    r"best in the (?:category|business|region|market|industry|state|city|country)",
    r"award-winning", r"industry-leading", r"world-class", r"cutting-edge",
    r"best-in-class", r"top-rated", r"state-of-the-art",
    r"i(?:'m| am) an? (?:\w+ )?expert", r"we(?:'re| are) (?:the|a) (?:leading|fastest|best|top|only)",
    r"(?:our|my) (?:success rate|track record)", r"our results speak",
    NUM + r" (?:companies|clients|customers|schools|hospitals|credit unions|brands|breweries|teams|"
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
    r"i(?:'m| am) (?:currently |actually )?looking for (?:a |an )?(?:[\w-]+ )?(?:job|jobs|role|roles|position|positions|new role|new job|opportunit\w*|work|something new)",
    r"i(?:'m| am) (?:on the job market|job hunting|job searching|between jobs)",
    r"i(?:'d| would) love to work (?:for|with) you", r"open to work", r"\d\.\d gpa",
    r"every dollar", r"each dollar", r"save the children", r"our (?:cause|mission)",
    r"goes? (?:straight|directly) to", r"i place \w+",
    r"we(?:'ve| have) (?:built|gotten|placed)",
    r"we(?:'ve| have) (?:rescued|saved|fixed|turned around|served|delivered|launched|onboarded) (?:about |over |nearly |more than |around )?"
    r"(?:a dozen|dozens|hundreds|thousands|\d+)", r"bread and butter for (?:us|me)",
    r"(?:our|my) (?:instagram|tiktok|youtube|facebook page|website|site|channel)(?:'s| is)\b",
    # "that's literally what we do", "fraud models are our whole business": their need
    # answered with the user's trade
    r"(?:that's|that is|this is|which is) (?:literally |basically |actually |exactly |pretty much |kind of |sort of |kinda )?(?:us\b|what (?:we|my team|"
    r"my company|my firm|my agency) (?:do|does)|our (?:whole )?(?:business|thing|specialty|speciality|bread and butter))",
    r"(?:literally|basically) (?:our|my) (?:whole )?(?:business|thing|specialty)",
    # a superlative said of something of ours: "our clinic has the shortest wait times"
    r"(?:our|my) (?:(?!(?:wife|husband|son|daughter|kids?|mom|dad|mum|family|friend|partner|boss|manager|mentor|teacher|coach|"
    r"colleague|team|sister|brother|grandma|grandpa|doctor|nurse|dog|cat)\b)[\w-]+ ){1,3}?"
    r"(?:has|have|is|are|gets?|offers?) (?:by far |easily )?the (?:best|lowest|highest|shortest|fastest|cheapest|biggest|largest|"
    r"only|most [\w-]+)\b",
    r"(?:switch(?:es|ed|ing)?|come|coming|move|moving|go|going) (?:over )?to us\b", r"(?:won't|doesn't|wouldn't|never|can't) happen(?:s)? with (?:us|me|ours)\b",
    # rules-4: the user's trade offered as the answer to their problem
    r"we (?:also |actually |now )*(?:do|offer|run|provide|sell) (?:[\w-]+ ){1,4}as a (?:service|package|retainer)",
    r"(?:our|my) (?:[\w-]+ ){0,3}(?:has|have|offers?) (?:a |an )?(?:proven|tested|unique|simple|turnkey) (?:[\w-]+ )?"
    r"(?:model|method|system|process|approach|framework|program|programme) for",
    r"i happen to (?:consult|work|specialize|specialise|sell|run|do (?:this|that|exactly))",
    r"(?:we|i)(?:'ve| have) (?:walked|taken|guided|coached|helped|brought) (?:\w+ ){0,3}through (?:exactly|just|precisely) (?:this|that)",
    r"(?:the )?exact (?:failure|problem|issue|thing|scenario|pain) (?:our|my) (?:[\w-]+ ){0,3}(?:was|is) (?:built|designed|made)",
    r"exactly what (?:[\w-]+ ){1,3}(?:is (?:fighting|working on|for|built for)|fights|was built for|exists for)",
    r"(?:our|my) (?:booth|stand|table) (?:is |in |at |by |near |right )",
    r"(?:our|my) (?!(?:" + _NOT_A_PRODUCT + r")\b)(?:[\w-]+ ){1,3}?(?:are|is) (?:\w+ )?(?:built|designed|made) (?:for|around) "
    r"(?:exactly |precisely )?(?:this|that|you|people like you|[\w-]+ like (?:you|yours))\b",
    r"what (?:our|my) (?!(?:" + _NOT_A_PRODUCT + r")\b)(?:[\w-]+ ){1,3}?(?:are|is) (?:\w+ )?(?:built|designed|made) for",
    # rules-5: "that's literally what I do", "what we built Hirewire to stop", "our engine was built to fix"
    r"(?:exactly|literally|precisely|basically) what (?:i|we) (?:do|sell|offer|built|make|fix)\b",
    r"what (?:i|we) built (?:[\w-]+ ){1,2}(?:to|for)\b",
    r"(?:our|my) (?!(?:" + _NOT_A_PRODUCT + r")\b)(?:[\w-]+ ){0,2}[\w-]+ (?:was|were) (?:\w+ )?(?:built|designed|made) (?:for|to)\b",
    r"(?:tool|app|platform|product|software|service|device|engine|plugin|dashboard|reviewer|course|programme|program|system)s? "
    r"(?:that )?(?:i|we|my team|our team) (?:sell|make|built|build|developed|designed|offer|run)\b",
    r"(?:my|our) team built (?:it|this|that|one)\b",
    r"(?:that's|that is|it's|it is|this is|which is)(?: \w+)? (?:exactly |very much |squarely |right in )?(?:my|our) "
    r"(?:field|world|wheelhouse|specialty|speciality|niche|bread and butter|whole (?:model|business))\b",
    r"happens to be (?:my|our) (?:whole |entire )?(?:model|business|job|field|specialty|speciality|product|service)",
    r"(?:heart|core) of what (?:my|our|we|i) ",
    r"i (?:coach|train|teach|help|advise) (?:\w+ ){0,2}(?:on|with) (?:exactly|precisely|just) (?:this|that)\b",
    r"(?:i'm|i am|we're|we are) (?:running|hosting|launching|teaching|putting on) (?:an?|my|our) (?:[\w-]+ ){0,3}"
    r"(?:webinar|workshop|course|masterclass|bootcamp|retreat|seminar|training|cohort)s?\b",
    r"(?:we're|we are|i'm|i am|find us|come find us) (?:in|at|on) (?:hall|stand|booth|table) \w+",
    r"(?:our|my) (?:[\w'-]+ ){0,2}(?:stand|booth)\b(?! (?:on|about|is that))",
    r"\bours (?:came|won|beat|is the only|are the only|costs? (?:less|half)|lasts? (?:longer|twice)|(?:is|are) (?:made|knitted|built|certified|rated|tested|proven))\b",
)

# Talk about what the user is building or good at: an answer when asked, a pitch when not.
SELF_PROMOTION = words(
    r"i(?:'m| am) (?:actually )?hiring", r"we(?:'re| are) (?:actually )?(?:hiring|recruiting)(?! (?:a|an|for)\b)",
    r"we(?:'re| are) (?:building|developing|launching|making|creating) (?:a|an|the)",
    r"i (?:run|own|founded|started|built) (?:a|an|my own) [\w ]{0,30}(?:company|startup|agency|consultancy|firm|studio|"
    r"business|practice|platform|app) (?:that|which|called)",
    r"i(?:'m| am) (?:really |very |super |pretty |quite )?(?:good|great) at", r"i(?:'ve| have) (?:got )?(?:\d+|twenty|fifteen|ten) years (?:of )?experience",
    r"i(?:'m| am) known for", r"i(?:'ve| have) won", r"(?:i|we|i've|we've|i was|we were) (?:been )?featured (?:in|on)",
    r"(?:my|our) (?:clients|customers|users) (?:love|rave)",
    r"i(?:'ve| have) worked with (?:\w+ ){0,2}(?:brands|companies|clients|fortune)", r"i(?:'m| am) (?:the|an?) (?:go-to|leading|top)",
    r"(?:customers|clients|users) see (?:a |about )?\d+", r"(?:raising|looking for) (?:angel |seed |new |more |some )?(?:investors|funding|backers|a seed|our seed|a round)",
    r"(?:specialize|specialise|focus) (?:\w+ )?in exactly", r"(?:that's|this is) (?:exactly )?what i do",
    r"i have (?:a|the) (?:solution|product|tool|fix|service) for", r"my (?:talk|session|panel|workshop|keynote)",
    r"as an? (?:\w+ )?(?:advisor|adviser|consultant|coach|recruiter|agent|broker|planner|expert)\b",
    r"i(?:'m| am) speaking (?:at|on|about|tomorrow|later|today)", r"passive income", r"be your own boss",
    r"business opportunity", r"we(?:'ve| have) helped", r"i(?:'ve| have) helped (?:dozens|hundreds|many|lots|tons)",
    r"i do (?:\w+ ){0,3}for (?:small businesses|companies|clients|startups|brands|restaurants|schools|nonprofits)",
    r"(?:i|we) (?:\w+ )?speciali[sz]e in", r"i(?:'m| am) (?:a |an )?[\w -]{0,30}speciali[sz]ing in", r"i happen to be", r"i(?:'m| am) your (?:guy|person|girl|woman|man)",
    r"you know where to find me", r"(?:that's|that is|is|was) (?:exactly |basically |literally |kind of |partly |actually )?(?:why|the reason) (?:i|we) "
    r"(?:started|founded|built|created|launched) (?:(?:my|our|this|the|a) (?:[\w-]+ )?(?:company|business|startup|firm|agency|app|"
    r"platform|practice|nonprofit|charity|organi[sz]ation|service|product|tool|program|programme)|[\w-]+(?=\s*[.!,;:\u2013\u2014-]|\s*$))",
    r"(?:launching|starting|building) (?:a|my|our) (?:startup|company|business|app|product)",
    r"i(?:'ve| have) (?:built|founded|started|scaled|sold|exited|launched|grown) (?:\w+ ){0,2}(?:companies|startups|businesses|brands|products)",
    r"i(?:'ve| have) been doing (?:this|it) for (?:\d+|over|more than|twenty|fifteen|ten|decades)",
    r"i know (?:this|that|the) (?:space|industry|market) (?:inside out|really well|better than)", r"my (?:expertise|specialty|speciality)",
    r"i(?:'m| am) (?:pretty |really |very )?(?:well[- ]known|well[- ]connected|respected)", r"i(?:'ve| have) (?:spoken|presented|keynoted) at",
    r"\$\d[\d,]* (?:a|per) (?:month|year|week|day|head|hour|session|post|piece|project|image|video|article|event|class|"
    r"job|unit|visit|seat|user|license)",
    r"i(?:'m| am|'ll| will)(?: be)? ?(?:giving|donating|pledging|chipping in|give|donate|pledge) (?:\w+ ){0,2}?"
    r"(?:\$ ?\d|\d+ ?(?:cents|dollars|bucks)|a (?:dollar|buck|dime|quarter|few (?:cents|dollars|bucks)))",
)

# Presenting one's own business or selling role: fine as an answer, a pitch when unasked.
BUSINESS_SELF = words(
    r"i (?:run|own|founded|co-founded|started|manage|have) (?:a|an|my own|the|our)? ?(?:[\w-]+ ){0,3}(?:company|startup|agency|"
    r"consultancy|firm|studio|practice|business|shop|brand|platform|app|service|channel|podcast)",
    r"i(?:'m| am) (?:a|an|the) (?:[\w-]+ ){0,2}(?:consultant|coach|recruiter|broker|agent|freelancer|founder|co-founder|"
    r"vendor|rep|salesperson|sales rep|contractor|advisor|adviser|planner|trainer|headhunter|influencer|creator|youtuber)s?\b",
    r"my (?:company|agency|firm|consultancy|studio|startup|business|practice|clients|customers|product|services?)",
    r"i sell (?:a|an|the|our|my)\b", r"i run one\b",
    r"(?:i|we) (?:run|offer|teach|host|lead|sell) (?:a|an|my|our|the) (?:[\w-]+ ){0,4}(?:program|programme|course|class|cohort|"
    r"workshop|bootcamp|retreat|membership|masterclass|clinic|intensive)s?\b",
    r"i (?:wrote|published|self-published) (?:a|an|my) (?:[\w-]+ ){0,3}(?:book|e-?book|guide|workbook|course)\b",
    r"we (?:build|sell|offer|provide|install|supply|distribute|manufacture) \w+",
    r"i (?:make|build|sell|design|develop) (?:[\w-]+ ){0,3}(?:software|apps?|tools?|platforms?|products?|systems?) for",
    # rules-5: a trade named by what it does
    r"(?:we|i) (?:also )?(?:do|run|offer|provide|sell) (?:[\w-]+,? ){0,4}(?:software|audits?|telematics|tracking|surveys?|consulting|"
    r"consultations|coaching|recruitment|recruiting|placements?|payroll|bookkeeping|installs?|installation|inspections?|"
    r"assessment days|training days|mock \w+ days?)\b",
    r"(?:we|i) (?:also )?(?:run|offer|provide|sell) (?:[\w-]+,? ){0,4}sessions\b",  # not "we do sessions at my gym"
)

# A trade that sells services ("I'm a grant writer ... I can write yours for 10%"): the
# role counts as promotion only when the turn also offers the user's work.
SERVICE_ROLE = words(
    r"i(?:'m| am) (?:a|an) (?:[\w-]+ ){0,2}(?:writer|designer|photographer|developer|marketer|accountant|lawyer|attorney|"
    r"translator|copywriter|illustrator|editor|realtor|engineer|therapist|videographer|architect)\b",
)

# A numeric claim ("cuts pages by 70%") is promotion when the user speaks for a "we".
CLAIM = words(
    r"(?:fix(?:es)?|solves?|handles?|automates?|takes care of|eliminates?) (?:exactly|all of|precisely) (?:this|that)",
    r"(?:built|designed|made) (?:for|around) (?:exactly|precisely) (?:this|that)",
    r"\d+ ?(?:%|percent) (?:fewer|less|more|faster|cheaper|reduction|increase|lower|higher|drop|off|of (?:them|those|your|all))",
    r"(?:cuts|reduces|saves|boosts|deflects|closes|resolves|doubles|triples|increases|improves) (?:\w+ ){0,4}(?:by |about |around |up to |over )?(?:\d+|half)",
    r"(?:\d+|ten|two|three|five)(?:x| times) (?:faster|more|cheaper|better)",
)

WE = words(r"we", r"our", r"we're", r"we've")

# Fishing for the budget or the buyer: steering towards what the user sells.
STEERING = words(
    r"(?:what's|what is|do you have) (?:a |your |the |any )?(?:\w+ )?budget",
    r"budget (?:line|allocated|for next year)",
    r"who (?:signs off on|makes|handles|approves|owns|decides on|looks after|runs) (?:the )?(?:\w+ )?(?:purchas\w*|"
    r"buying|vendors?|software|budget|decisions?|tools?|partnerships?|procurement|suppliers?|sponsorships?)",
    r"decision[- ]maker", r"are you the (?:right )?person (?:to talk to|who)",
    r"who(?:'s| is) the (?:right )?person (?:to talk to|i should|at)", r"are you (?:guys )?looking for (?:a|an|any) \w+",
    r"(?:your|the) (?:procurement|purchasing) (?:process|team|office|people|lead|contact|cycle)", r"who(?:'s| is) (?:in|on|your) procurement",
    r"vendor (?:process|list|onboarding)", r"approved vendor", r"\brfp\b", r"how (?:do|would|could) (?:i|we) get (?:on|onto|into|in with) (?:your|the)",
    # a persuader turning small talk toward giving
    r"(?:have|do) you (?:ever )?(?:donate|donated|give|given) (?:to|money|regularly|online)",
)

CALL_TO_ACTION = words(
    r"(?:quick|free|live|short|product|personali[sz]ed|\d+-minute|[a-z]+-minute|our|a) demo(?! day)",
    r"demo (?:call|this week|next week|for you|of our)", r"(?:set up|book|schedule) (?:a|some) demo",
    r"(?:free|\d+-day|[a-z]+-day) trial", r"trial link", r"(?:start|get you|set you up with) (?:on )?a trial",
    r"free pilots?", r"pilot our",
    r"book (?:a|some) (?:[\w-]+ ){0,2}?(?:call|meeting|time|demo|slot|consultation)",
    # rules-5: asks to commit, meet, sign or pass the user on
    r"(?:let's|let us) (?:put|get|pop|pencil|stick) (?:a|something|some time|a date|a call|a meeting) (?:\w+ )?in (?:the|your|our) (?:diary|diaries|calendar|calendars)",
    r"(?:shall|should|can|could|may) i (?:send|email|get|drop) (?:you )?(?:over )?(?:the|our|my|an?) (?:[\w-]+ ){0,2}"
    r"(?:agreement|contract|proposal|quote|paperwork|terms|sow|statement of work|order form)",
    r"(?:could|can|may|shall) i (?:drop|swing|stop|come|pop) (?:by|round|over|in)\b(?: [\w-]+){0,5}? to (?:show|demo|walk)",
    r"(?:leave|drop|send|bring) (?:off )?(?:you )?(?:some |a few |a )?(?:samples?|sample box(?:es)?)\b",
    r"(?:i'll|i will|let me) have (?:our|my) (?:[\w-]+ ){0,2}(?:team|rep|colleague|engineer|specialist|person|people|office) "
    r"(?:call|email|contact|ring|reach out to|get in touch with) you",
    r"pass (?:my|our) (?:details|name|number|card|cv|resume|info|contact)(?: details)? (?:on|along|to)",
    r"(?:that'd|that would|it'd|it would) (?:really )?help (?:us|me) (?:a lot|loads|massively|hugely|enormously|out)",
    r"if you let (?:us|me) (?:quote|bid|pitch|use (?:you|your)|pilot|demo|feature|list)\b",
    r"(?:if you're|if you are) open to (?:a|an) (?:quote|demo|call|trial|pilot|meeting|proposal)",
    r"consider me for", r"(?:call|meeting|consultation) with me\b(?! if)",
    r"here's the (?:donation|giving|sign-?up|pledge) link", r"here's the link to (?:donate|give|sign up|pledge)", r"give before (?:midnight|tonight|friday|the)",
    r"even a few (?:cents|pennies|dollars|bucks|quid|pence)", r"even a tiny (?:donation|gift|amount|bit)",
    r"(?:could|would|will|can) you (?:\w+ )?(?:volunteer|give us (?:an hour|a few hours|some time))\b",
    r"(?:hop|jump|get you|get on) on a (?:quick )?call",
    r"(?:\d+|five|ten|fifteen|twenty|thirty)[- ]minute (?:call|chat|demo|meeting|walkthrough)",
    r"(?:set up|schedule) (?:a|some) (?:call|time|meeting|chat|visit)",
    r"call (?:me|us) (?:and|to) (?:we'll|set|get|discuss|book)", r"a call (?:next|this|on) \w+", r"(?:open|free) (?:to|for) a (?:quick )?(?:call|chat|meeting)",
    r"let's (?:set up|schedule|find|get) (?:a )?(?:time|call|meeting)", r"get you in front of",
    r"booth \d+", r"come by (?:our|the|my) booth", r"walk you through (?:our|the|my) (?:deck|product|platform|demo|pitch)",
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
    r"your (?:boss|manager|cto|ceo|vp|hiring manager|principal|dean|director)(?:'s)? (?:contact|email|number|info)",
    r"the (?:boss|manager|cto|ceo|vp|hiring manager|principal|dean|director)(?:'s)? (?:contact|email|info)", r"pitch (?:her|him|them) my",
    r"looking for a design partner", r"are you (?:guys )?hiring", r"(?:any|have any) (?:openings|open roles|positions)",
    r"if you(?:'re| are) ever hiring",
    r"send (?:you )?my (?:cv|resume|portfolio|deck|reel)", r"here's my (?:github|portfolio|website|linkedin|number|email|reel)",
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
    r"(?:\d+|five|ten|fifteen|a few|two) minutes of your time",
    r"(?:grab|get|find|have|take|steal) (?:\d+|five|ten|fifteen|twenty|thirty|a few) minutes",
    r"(?:do you have|got|have you got) (?:a (?:minute|sec|second|moment))", r"\bwe (?:can|could) (?:really |definitely |totally )?help (?:you|your)",
    r"(?:drop|send|bring|leave) (?:off )?(?:some |a few |you )?samples", r"(?:looking for|need) (?:beta|early|pilot) (?:users|testers|customers)",
    r"(?:your|the) (?:team|company|firm|group|clinic|org\w*|school|hospital) (?:is |might be )?hiring",
    r"(?:a )?presentation from (?:us|me|our)", r"(?:interested|open) (?:in|to) working with (?:us|me)",
    r"follow up about (?:our|my)", r"raising (?:a |our )?(?:pre-seed|seed|series|round)",
    r"(?:could|can|may) i (?:meet|talk to|speak with|get a meeting with|get in front of) (?:your|the) (?:boss|manager|cto|ceo|vp|"
    r"director|head|founder|team|buyer|principal|dean|purchasing)", r"try us", r"put me in front of",
    r"(?:would|might) (?:your \w+|you) (?:want|like|be willing) to (?:try(?! (?:it|this|that|them)\b)|buy|use|partner|work with|hire|"
    r"invest|sponsor|pilot)",
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
    r"would you (?:ever )?consider (?:leaving|joining|switching (?:jobs|roles|teams|to us|to our)|moving|working for|coming to|a move)",
    r"want a (?:quote|demo|trial|sample|discount|brochure)\b", r"(?:get|give|send) (?:you )?(?:over )?a quote",
    r"(?:our|a) booth (?:right )?(?:here|at|number|over there)", r"even (?:a|one) (?:dollar|euro|pound|buck)", r"even a little (?:bit )?(?:helps|goes a long way|makes a difference)",
    r"every (?:dollar|bit|penny) (?:helps|counts)", r"for \$\d[\d,]*(?: (?:a|per) \w+)?,? (?:i|we) (?:can|could|will|'ll)",
    r"send (?:you )?(?:our |my |the )?(?:rates|pricing|prices|price list|rate card) (?:over|across)?", r"send over (?:our |my )?(?:rates|pricing)",
    r"add you to (?:the|our|my) (?:beta|list|waitlist|newsletter)",
    r"would you (?:ever )?consider (?:sponsoring|donating|giving|supporting|a gift|a donation|a monthly|pledging|signing up|"
    r"subscribing|buying|investing|joining us|partnering)", r"(?:reasonable|competitive|friendly|special) (?:rates?|prices?|pricing)",
    r"hire me", r"work for you", r"(?:is|are) (?:your|ur) (?:[\w-]+ ){1,2}hiring",
    r"pass (?:it|this) to the hiring manager",
    r"(?<!\bwe )(?<!\bi )(?<!\bwe'd )(?<!\bi'd )(?:would|could|will|can|want to|like to) (?:you )?(?:\w+ ){0,3}donat\w*", r"(?:make|making|consider) (?:a )?donation",
    r"(?<!\bwe )(?<!\bwe can )(?<!\bwe could )(?<!\bi can )(?<!\bi could )donate (?:today|tonight|now|\$|some|a little|what you can)", r"your donation", r"make a (?:gift|contribution)", r"would you (?:consider )?pledg\w*",
    r"consider (?:giving|donating|supporting|chipping in)",
    r"would you (?:ever )?consider (?:a |an )?(?:[\w-]+ ){0,2}(?:gift|donation|pledge|contribution)", r"chip in", r"sponsor (?:us|our|me)",
    r"even \$\d+", r"i can sign you up", r"put you on (?:the|our) (?:beta|list|waitlist)",
    r"(?:i|we) can (?:give|get|set) you (?:up with )?(?:a |an |our )?(?:free |early )?(?:trial|pilot|"
    r"access|discount|account|license|quote)",
    r"(?:give|get) you a (?:[\w-]+ )?(?:rate|discount|deal)", r"take a call", r"call with (?:our|my) (?:sales|team|founder|ceo)", r"(?:show|give) you a (?:quick )?(?:demo|walkthrough|tour of our)",
    r"get you a discount", r"add you on linkedin", r"connect on linkedin", r"our whitepaper",
    r"(?:see|show you|look at) (?:the |our |my )?(?:deck|pitch deck|portfolio)",
    r"(?:want|like) to see it", r"come out to (?:the|your) (?:farm|office|site)",
    # asks for small amounts and quick commitments, as persuaders in chats make them
    r"(?:would|could|can|will|wanna|want to) (?:you|u) (?:\w+ ){0,2}?(?:give|donate|do|spare|chip in|pledge|throw in|add|"
    r"round it up to|make it)\b(?: \w+){0,2}? (?:\$ ?\d|\d+ ?(?:cents|c|dollars|bucks)\b|a (?:dollar|buck|dime|quarter)\b)",
    r"put (?:\$ ?\d+|\d+ ?(?:cents|dollars|bucks)|a (?:dollar|buck)) (?:[\w-]+ ){0,4}?towards? (?:them|it|this|us|our|"
    r"the (?:kids|children|cause|fund|drive|charity))\b",
    r"(?:(?:you|u) (?:could |can |just |would |might |should )+|what if (?:you|u) (?:just )?)(?:give|gave|donate|spare|sponsor \w+|"
    r"pledge|chip in)\b[^.?!]{0,40}?"
    r"(?:\$ ?\d|\d+ ?(?:cents|dollars|bucks)|\ba (?:dime|nickel|quarter|dollar|buck|penny|few (?:cents|dollars|bucks|pennies)))",
    r"(?:only|just|literally) (?:a few|a couple of|\d+) (?:cents|pennies|dollars|bucks) (?:out of|from|of) your",
    r"(?:please|pls|plz|just) (?:donate|sign|register|join|volunteer)\b", r"wanna (?:sign|donate|join|give|volunteer)\b",
    r"(?:set up|start|make) a (?:monthly |one-time |recurring |regular )?(?:gift|donation|pledge)",
    r"tell (?:him|her|them|your \w+) to (?:give me a call|call me|email me|reach out to me|get in touch with me)",
    # a meeting with their boss, the user's thing onto their sites, referrals sent the user's way
    r"(?:i|we)(?:'d| would)? (?:love|like|want|hope) to (?:\w+ ){0,7}?(?:call|meeting|chat|intro\w*|coffee|sit-?down|time) with your "
    r"(?:boss|gm|general manager|manager|cto|ceo|cfo|coo|vp|director|head of \w+|buyer|founder|owner|principal|dean|board)",
    r"(?:i|we)(?:'d| would)? (?:love|like|want|hope) to (?:get|put|bring|have) (?:[\w-]+ ){1,3}(?:onto|into|in) (?:one of )?your",
    r"send (?:your |the |any )?(?:buyers|clients|customers|referrals|leads|business|deals|listings) (?:our|my) way",
    r"capability statement",
)

# Showing off: achievements, records, awards, hype. Counted only in a sentence where the
# user speaks for themselves (I, we, my, our): "you were nurse of the year" is about them.
BRAG = words(
    r"(?:county|state|national|world|company|school|club) record", r"(?:youngest|first|only) (?:[\w-]+ ){1,3}(?:ever|in (?:the|its|their|our) "
    r"(?:state|county|country|region|city|history|company|firm|district))",
    r"the (?:uber|tesla|airbnb|amazon|netflix|google|spotify|apple|stripe|salesforce|peloton) of",
    r"(?:gave|give|giving|delivered|did|doing) (?:the|a|my) keynote", r"nothing (?:else )?(?:comes close|compares)",
    r"the only (?:[\w-]+ ){0,2}(?:tool|platform|product|company|firm|app|service|agency|one) (?:in|on) (?:the|this) (?:space|market|industry|field)", r"keynote speaker", r"[\w-]+ of the year",
    r"(?:won|win|received|got|took home) (?:the |an? |two |three |several )?(?:[\w'-]+ ){0,4}(?:awards?|prizes?|medals?)",
    r"(?:proudest|most proud) of", r"people (?:call|come to|ask for) me (?:when|for|first)", r"(?:the|kind of the|basically the) go-to",
    r"(?:biggest|largest|fastest[- ]growing|fastest|best|top|number one|#1|leading|most successful) (?:[\w-]+ ){0,4}(?:in|of) (?:the )?"
    r"(?:region|state|county|country|city|area|space|industry|market|world|midwest|nation|tri-county|business|field|sector)",
    r"nobody (?:else )?(?:around here |in (?:the|this) \w+ )?(?:comes close|does it better)", r"best (?:team|eye|people|product|service|track record) in",
    r"(?:our|my) (?:placement|success|retention|satisfaction|approval|close|win|conversion) (?:rate|scores?|numbers)",
    r"(?:written up|featured|profiled|covered) (?:in|by)", r"(?:it's|it is) (?:kind of )?a gift", r"still the thing i'm proudest",
    r"i(?:'ve| have) (?:done|run|built|led|installed|trained|coached|placed) (?:over |more than |something like |about )?" + NUM + r" (?:of (?:those|them|these)|\w+)",
    # rules-5: "we're the strongest option", "which almost nobody here does", "a really good track record"
    r"(?:we're|we are|i'm|i am) (?:honestly |probably |easily |by far |clearly )?the (?:strongest|best|cheapest|fastest|safest|obvious|right|only) "
    r"(?:option|choice|fit|partner|people|team|firm|provider|supplier)",
    r"(?:almost |virtually )?(?:nobody|no one|no-one) else (?:here |in (?:the|this) \w+ )?(?:does|do|offers?|has)\b",
    r"which (?:almost |virtually )?(?:nobody|no one|no-one) (?:else )?(?:here |in (?:the|this) \w+ )?(?:does|do|offers?|has)\b",
    r"(?:really |very )?(?:good|great|strong|excellent|proven|solid) track record",
    r"we(?:'re| are) (?:onboarding|signing|rolling out (?:to|at|in)|live (?:in|at|with)) (?:\w+ ){0,1}" + NUM + r" \w+",
    # rules-6: "I basically run the whole department now", "my output doubled"
    r"i (?:basically|pretty much|now|practically|effectively) (?:run|lead|head|manage) (?:the|our|my) (?:whole|entire) \w+",
    r"(?:my|our) (?:output|revenue|sales|productivity|numbers|income|margins?) (?:has |have )?(?:doubled|tripled|quadrupled)",
)

# A persuader's ask to commit now (donate more, sign, book, try one session, take a code).
COMMIT_ASK = words(
    r"(?:can|could|may) i (?:count on you|put (?:you|your name|ur name) down|sign you up|book you|hold you|pencil you in|run you a quote|"
    r"put (?:a|together a) quote|set up an? (?:site )?(?:assessment|visit|tour|walkthrough|consultation))",
    r"(?:want|like) me to (?:hold|save|book|reserve|grab) (?:you )?(?:a |the )?(?:seat|spot|place|table|tour|paperwork|forms?|contract)",
    r"(?:want|like) a free (?:day pass|pass|session|class|consultation|assessment|audit|estimate|sample|week)",
    r"let me (?:book|sign|set) you (?:up|in|a)", r"book you (?:a|in for a) (?:tour|session|spot|class)",
    r"(?:here's|here is|use) (?:a|my|the|this) (?:code|discount code|promo code|coupon)",
    r"free if you (?:book|sign|join|buy|order|come)", r"(?:bump|raise|increase|up) (?:it|that|your (?:gift|pledge|donation|monthly)) to",
    r"would you (?:consider|think about) (?:adding|bumping|upping|increasing|raising) (?:us|it|that|your (?:gift|pledge|donation|monthly))",
    r"would you (?:consider|think about) (?:switching|coming|trying|joining|signing|taking) (?:up )?(?:to |with |on )?(?:us|our|my)\b",
    r"(?:try|do) (?:just )?one (?:session|class|shift|week|day) ", r"(?:come|do) (?:a )?(?:trial|free) (?:week|day|class|session)",
    r"(?:it's|available) on amazon", r"pledge card", r"paddle raise",
    r"(?:could|can|would|will) you (?:\w+ )?(?:forward|share|pass|send|post|circulate|hand out|put up) (?:our|my) \w+",
    r"(?:can|could|may) i (?:get|have|grab) (?:your|the) (?:boss|director|manager|ceo|cto|vp|head|buyer|principal|dean|founder)(?:'s)? "
    r"(?:name|email|contact|number|info|details)",
    r"(?:sign|put your name on|add your (?:[\w'-]+ ){0,2}name to|sign on to|join) (?:our|the|this) (?:[\w-]+ ){0,3}"
    r"(?:petition|letter|pledge|agreement|coalition|campaign)", r"(?:will|would|could|can) (?:you|your \w+) (?:sign|pledge)\b(?! (?:up for (?:a|the) (?:free|class|program)))",
    r"everyone else (?:here )?(?:signed|has signed|already signed|gave|has given|is in|joined)", r"only takes a (?:second|minute|moment)",
    r"does (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next week|this week) work",
    r"walk you through (?:it|them|this|that|the \w+) over (?:lunch|coffee|a call|dinner|drinks)",
    r"(?:(?:could|can|may) i|(?:would|will) it be (?:ok|okay|all right|alright|fine) if i|(?:is|would) it (?:be )?(?:ok|okay|all right|"
    r"alright) if i|(?:do you |would you )?mind if i) (?:just |at least )?(?:email|send|sent|emailed|mail|mailed) you (?:a |an |our |the |my )?"
    r"(?:[\w-]+ ){0,4}(?:comparison|contract|proposal|campaign plan|sign-?up|pilot|brochure|quote|pricing|one-pager)",
    r"(?:free|\d+-day|[a-z]+-day) pilot", r"want (?:my|our) (?:\w+ )?(?:engineer|rep|team|colleague|specialist|advisor|consultant|"
    r"salesperson|person) to (?:call|email|contact|reach out|visit|come)",
    r"(?:bring|come|stop|swing) (?:\w+ )?by (?:the|our|my) (?:booth|stand|table)", r"let me show you (?:right here|on (?:the|my)|how (?:it|our))",
    r"(?:would|will) you consider it\b", r"(?:i'll|let me) put you down (?:for|as)",
)

# Asking for their contact is a sales move unless the user is sending them help.
CONTACT_ASK = words(
    r"(?:what's|what is) (?:the best|your|a good) (?:email|number|contact|address)",
    r"(?:can|could|may|mind if) i (?:get|grab|have|take|scan) your "
    r"(?:email|number|contact|info|details|linkedin|card|badge)", r"give me your (?:email|number|contact)",
    r"let me (?:get|grab|take) your (?:info|email|number|card|contact)", r"best way to (?:reach|contact|get hold of) you",
    r"(?:here's|here is|take|have) my (?:business )?card", r"my card", r"give you my card",
)

# Follow-up asks ("shoot me an email", "let's chat more"): a call to action once the
# turn is already selling, an ordinary kindness otherwise.
PROMO_FOLLOW_UP = words(
    r"(?:show|walk) you (?:how it works|through it|around it|what it can do)", r"see it in action",
    r"(?:drop|swing|come) by (?:our|my|the) (?:booth|stand|table|office)", r"check us out", r"our website is",
    r"find us (?:at|on)", r"shoot me an? (?:email|message|text|note)", r"give me a (?:call|ring|shout)",
    r"(?:email|call|text|message|ping|dm) me(?! if you need| anytime| any time)", r"reach out to me(?! if| anytime)",
    r"let's (?:chat|talk) more", r"we should (?:talk|chat|grab coffee|get coffee|meet|connect)", r"i'll follow up",
    r"(?:grab|get) (?:a )?coffee (?:sometime|next week|and|to)", r"let's connect", r"stay in touch",
    r"see how it works", r"get you set up", r"(?:love|like) to have you", r"(?:you should|worth) (?:try|trying|give) it",
    r"give (?:it|us) a (?:try|shot|go)", r"try it out", r"check it out", r"take a look", r"i can show you",
    r"how (?:we|i) (?:could|can) help", r"find a time", r"reach out", r"my (?:email|number|handle) is", r"hit me up",
    r"dm me", r"if you(?:'re| are) (?:ever )?interested", r"(?:would|might) you (?:want|like|be willing) to try (?:it|this|that|them)\b",
)

PITCH_QUESTION_OPENER = re.compile(
    r"^(?:\W*\w+[,!.]\s+)?(?:have you (?:ever )?(?:thought about|considered|looked at|tried|heard of)|"
    r"do you know (?:what|how much|how many)|did you know|ever thought about|what if (?:you|i told)|"
    r"would you be (?:open|interested)|are you (?:open|interested)|wouldn't it be|how much time)",
    I,
)

# rules-6: the user's own side offered for THEIR stated need, nothing wanted back ("my lab
# takes two interns a year", "we're replacing our old laptops", "we fund community gardens").
# The guidelines' pitching is promotion or asks for the user's benefit; this is neither.
OWN_SIDE_GIVES = words(
    r"(?:we're|we are|(?:team|company|office|lab|group|firm|department|agency|studio|school|hospital|unit)(?:'s| is)) "
    r"(?:\w+ )?(?:hiring|recruiting)",
    r"(?:take|takes|took|hire|hires|hiring|taking|host|hosts) (?:on )?(?:\w+ ){0,2}?(?:interns?|apprentices?|trainees?|"
    r"placement students|fellows)\b",
    r"we (?:fund|sponsor|support|donate to|give grants|give out grants|make grants|run a (?:\w+ )?(?:grant|fellowship|scholarship))",
    r"(?:budget|money|funding|grants?|fund) (?:line )?(?:for|to) (?:sponsor|support|fund|donat)\w*",
    r"(?:donate|give|lend|pass on|hand over) (?:\w+ ){0,3}?to (?:you|your)\b",
    r"(?:retiring|decommissioning|getting rid of|replacing|clearing out|spare|surplus|leftover|unused) (?:\w+ ){0,3}?"
    r"(?:laptops|computers|monitors|desks|chairs|equipment|kit|gear|tickets|seats|furniture|books|tablets|phones|supplies)",
    r"volunteer (?:days?|programmes?|programs?|hours)",
    r"(?:grant|funding|application|spring|fall|autumn|summer|winter|next) (?:cycle|round|call|window) (?:opens|is open|closes)",
)

# Something of the user's that is sold: a gift reading never covers it.
PRODUCT_OF_OURS = words(_OUR_PRODUCT)

# Recruiting the persona for the user's side: what the user wants, so never a gift.
RECRUITING = words(
    r"you'd be an? (?:great|perfect|good|strong|ideal) fit", r"fits? our (?:[\w-]+ ){0,3}(?:really |so |perfectly )?well",
    r"(?:then )?talk to us", r"come (?:and )?(?:work|join) (?:for|with) us", r"join (?:us|our team)", r"we'd love to have you",
)

HIRING_WORD = words(r"hire|hires|hiring|openings?|vacanc(?:y|ies)|jobs?|positions|internships?|interns|apprenticeships?")

# How a gift reaches them: a name they can use, a person to ask for.
GIFT_ROUTE = words(
    r"(?:say|tell (?:her|him|them)) (?:that )?i sent you", r"(?:use|mention|drop) my name",
    r"here's the (?:link|form|posting|application|address)",
)
