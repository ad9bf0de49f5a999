"""Phrases of help: commitments to act, advice and tips, stories with results, resources,
named contacts, vague offers, and help with strings attached."""

from __future__ import annotations

import re

from sim.core.grading.phrases import HELP_VERB, I, ME_WILL, words

# The user commits to act for them: send, introduce, walk over, pass on, lend.
OFFER_COMMIT = re.compile(
    r"\b(?:" + ME_WILL + r"\s+(?:\w+\s+){0,2}?" + HELP_VERB
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

# Vague offers and generic advice: help for no one in particular.
GENERIC_OFFER = words(
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

# Suggestions put as questions ("Have you tried...?", "Could the holes become...?").
ADVICE_QUESTION = words(
    r"(?<!what )(?<!which )(?<!how )(?<!where )have you (?:ever )?(?:tried|considered|thought about|looked at|looked into|checked out|"
    r"explored|asked|heard of|talked to|reached out to|spoken to|applied to|applied for)",
    r"^(?:maybe|perhaps) ", r"(?:what|how) about (?:trying|asking|using|a |an |the )",
    r"^could (?:the|a|an|it|that|this|they|some) ", r"(?:is|are|would) (?:your \w+|you|they) (?:be )?open to (?:anything|something|trying|that)", r"would it (?:help|work) (?:if|to)", r"^(?:is|are) there (?:a|any) way",
    r"what if you", r"why not (?:try|ask|start|use)", r"could you (?:try|ask|start|use)",
)

# Suggestions, tips and information put as statements.
ADVICE = words(
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
    # information a counsellor gives: how things usually go, who can help
    r"tends? to (?:help|stop|work|ease|fix|reduce|settle|pass|peak|wear off|get better|make|cause)",
    r"(?:usually|typically|often|generally|normally) (?:comes? from|means|peaks?|eases?|passes|settles|wears off|gets better|"
    r"doesn't|does not|causes|builds|adds|happens|starts)",
    r"(?:is|are) (?:really |very |pretty |super |incredibly )?common (?:when|after|in|for|with|at|among|once)",
    r"worth asking", r"(?:a|your|the) (?:pharmacist|gp|doctor|nurse|counsell?or|therapist|dietitian|physio\w*|midwife|dentist) "
    r"(?:can|could|will|would) (?:help|look|check|go over|talk|review|switch|adjust|prescribe|tell|refer)",
    r"there are (?:other|some|a few|several) (?:[\w-]+ ){0,3}(?:that|which|options|ways)", r"the one to (?:tackle|pay|fix|cut|start with|drop)",
    r"(?:gradually|slowly) (?:rather than|instead of)", r"rather than (?:stopping|quitting|cutting) (?:dead|all at once|cold)",
)

# Commands and warnings ("You have to stop.", "You'll end up in hospital"): a lecture
# tells them what to do without anything they can use, so it is generic advice at most.
LECTURE = words(
    r"you (?:really |just |absolutely |simply )?(?:need|have|must|ought|'ve got|got) to (?:stop|quit|cut|give up|get off|hear this|"
    r"listen|set firm|take the|change|grow up|toughen|think about (?:your|the) (?:kids|family|health))",
    r"you(?:'re| are) going to (?:end up|die|ruin|destroy|kill|lose|regret|wreck)", r"you(?:'ll| will) (?:end up|regret|ruin|destroy|kill)",
    r"(?:is|are) (?:illegal|poison|killing you)", r"you must (?:stop|quit)", r"need to hear this", r"this is how it starts",
    r"(?:it's|it is) (?:simple|that simple|not complicated)\W+(?:just )?(?:stop|quit)",
)

# "Put it at the top as a project", "For CVs, lead with the outcome".
IMPERATIVE_START = re.compile(
    r"^(?:\W*(?:honestly|so|also|and|but|maybe|then|oh|okay|ok|just|definitely|seriously),?\s+)?(?:(?:for|with|when|in|on|at|before|after|next time) [^,]{1,40},\s+)?(?:try|consider|lead|start|put|ask|use|offer|"
    r"block|set|post|pair|track|show|bring|frame|make|split|cap|rotate|schedule|apply|look|check|"
    r"talk|read|join|skip|record|email|call|write|move|charge|build|pitch|focus|get|go|reach|hire|"
    r"partner|quote|bill|invite|create|host|run|give|drop|cut|raise|lower|batch|automate|delegate|text|"
    r"send|list|keep|stop|add|require|ban|limit|cross-train|rotate|swap|take|stay|lean|remember|trust|find|document|"
    r"negotiate|pilot|test|start|record|invite)\s+\w+\s+\w+",
    I,
)

# Someone else's (or the user's) experience, the usual frame of a tip.
ANECDOTE = words(
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

# What happened: the part of a story that makes it a tip.
RESULT = words(
    r"dropped", r"fell", r"halved", r"doubled", r"cut", r"went (?:up|down)", r"stopped",
    r"disappeared", r"vanished", r"improved", r"jumped", r"increased", r"decreased", r"shrank",
    r"got (?:\d+|a|the|them|their|into|my|his|her|our|it|us)", r"worked", r"helped", r"percent", r"half", r"\d+%",
    r"noticeably", r"had a line", r"swear by", r"helps\b", r"changed (?:how|the|my|everything|things)", r"solved", r"fixed", r"turned (?:it|things) around", r"sell out", r"sold out", r"fills?", r"kept (?:\w+ ){0,3}free", r"rave about", r"think twice", r"made the switch", r"moved (?:it|them)", r"so (?:nobody|no one|they|people) (?:can|could|don't|stopped)",
)

# Things one can send, attend or use.
RESOURCE = words(
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

# When the user will do it: concrete commitments name a time.
TIME_COMMIT = words(
    r"tonight", r"tomorrow(?: morning)?", r"today", r"this (?:afternoon|evening|morning|week)",
    r"after (?:this|the) (?:session|talk|panel|speeches|break|lunch|keynote)", r"right now",
    r"at (?:\d+|noon|the break)", r"next break", r"after lunch", r"in (?:a|five|ten) minutes", r"right after",
)

# Help traded for something the user wants.
STRINGS = words(
    r"if you(?:'ll| will| could| can| would)? (?:\w+ ){0,3}?(?:put in|give me(?! (?:your|an?) (?:e-?mail|address|number|contact|details|info|handle|card))|introduce me|intro me|pass|agree|sign|"
    r"buy|take a call|playtest|test my|mention|send me(?! (?:your|an?) (?:e-?mail|address|number|contact|details|info|handle))|connect me|refer|book|try our|let me|help me|get me|"
    r"follow|promote|review my|vote|hire|pilot|purchase|subscribe|recommend me|share my)",
    r"if (?:you|your \w+) (?:\w+ ){0,3}(?:wear|post|promote|mention|feature|display|use|tag|share|link|advertise)\w* (?:\w+ ){0,2}(?:our|my|about us|us)\b",
    r"in (?:exchange|return)", r"as long as you", r"i(?:'d| would) just ask", r"all i ask", r"just need you to",
    r"scratch my back", r"quid pro quo", r"you owe me", r"only if you",
    r"if (?:you|your (?:\w+ )?\w+) (?:signs?|joins?|commits?|pledges?|donates?|buys?|books?) (?:on )?(?:to |with )?(?:our|us|my|me)\b",
    r"(?:and|but|also) (?:could|can|would) you (?:mention|introduce|put|pass|send|get|connect|tell|share)",
)

# Information about a resource, not just a word like "talks" or "fund".
INFO_FRAME = words(
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
PRODUCT_AS_HELP = words(
    r"free (?:pilot|trial|assessment|audit|review|consultation|session)s?", r"for free", r"no charge",
    r"on the house", r"run (?:the )?numbers for you", r"review your", r"(?:i'll|i will|i can) get you in front of",
    r"(?:first-timer|special|discount|introductory|reduced) rate", r"free consultation", r"for (?:\d+|a) ?(?:%|percent) of", r"consultation(?:'s| is) free",
    r"at cost", r"pro bono", r"\d+ ?(?:%|percent) off", r"members get", r"samples", r"(?:for|at) a (?:small )?(?:\d+% )?(?:fee|commission)",
    r"(?:i|we) (?:can|could|'ll|will|'d) (?:\w+ ){0,2}(?:get|automate|fix|handle|build|do|train|certify|source|find|"
    r"review|set up|run|refer|design|write|manage|have|put|place|send|provide|supply|deliver|bring|fill) (?:\w+ ){0,3}(?:for you|your)", r"we(?:'d| would) do", r"we could refer",
    r"free (?:[\w-]+ )?(?:trial|pilot|audit|assessment|consult\w*|session|sample|month|account|version|tier|report|guide|"
    r"ebook|webinar|access)", r"early access", r"(?:give|get) you (?:a |an |our )?(?:\w+ )?(?:discount|deal|rate|access|trial|account)",
    r"trial link", r"(?:i|we) (?:can|could|'ll|will) (?:\w+ ){0,2}(?:help you|take care of|sort (?:it|that) out|set you up)",
)

# Someone the user knows, without a name: still a concrete contact when it fits.
CONTACT_MENTION = words(
    r"(?:my|a|one) (?:good |old |former )?(?:friend|colleague|contact|cousin|sister|brother|neighbou?r|boss|mentor|"
    r"classmate|roommate|buddy|client) (?:who|at|in|from|runs|works|teaches|leads|does|did|started|has|is)",
    r"i know (?:someone|somebody|a (?:woman|man|guy|person|founder|director|recruiter|\w+)) (?:at|from|who|in) \w+",
    r"i (?:actually )?know (?:the|a|their|her|his) \w+(?: \w+)? (?:at|from|of|for) ", r"my (?:accountant|lawyer|attorney|"
    r"banker|agent|doctor|therapist|coach|editor|designer|contractor) (?:works|is|does|has|specializes|knows)",
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
