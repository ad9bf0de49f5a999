"""Phrases that show listening, or its absence: reflections, feelings, stock questions,
minimal reactions, topic changes, and the persona asking about the user."""

from __future__ import annotations

import re

from sim.core.grading.phrases import I, words

REFLECTION = words(
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

FEELING = words(
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
EMPATHY_FROM_ME = words(
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

GENERALISING = words(
    r"everywhere", r"these days", r"nowadays", r"in general", r"all over", r"every (?:company|"
    r"hospital|school|team|industry|business|field)", r"always \w*(?:push|complain)\w*", r"always (?:like that|the case)",
    r"that's (?:fundraising|business|life|the industry|the job|how it goes|how it is)",
    r"it is what it is", r"part of the job", r"welcome to", r"such is life", r"everyone (?:has|deals)",
    r"so important", r"the future", r"(?:is|are) (?:really |so |very |super )?(?:important|key|essential|crucial)",
    r"(?:is|are) (?:really |honestly )?(?:just|all about) \w+",
    r"(?:are|is) always \w+", r"over-?rated", r"a waste of time", r"pointless", r"(?:'s|is|are) an? (?:rough|tough|hard|brutal|cruel|crazy|weird|funny) (?:business|industry|field|world|game|job)",
    r"you'll figure it out", r"it'll (?:happen|work out)", r"don't worry",
)

MINIMAL_WORDS = frozenset(
    """cool nice neat great awesome interesting wow whoa oh ah ha haha lol huh hmm right yeah yep
    yes sure totally true okay ok gotcha indeed fair wild crazy damn man dude ouch oof ugh yikes
    no way really very so that's thats makes sense i see agree feel that hear you get it exactly
    definitely absolutely amazing fun lovely good point same word sweet super fascinating got
    love how well mm mhm uh huh nice one wonderful ah brutal tough rough noted hah""".split()
)

TOPIC_CHANGE = words(
    r"random question", r"by the way", r"btw", r"unrelated", r"on (?:another|a different|a "
    r"separate) note", r"changing the subject", r"change of subject", r"speaking of which",
    r"that reminds me", r"off[- ]topic", r"different topic", r"side note", r"totally different",
    r"anyway(?:s)?,? (?:i|did|have|are|so|what|how|do|is)", r"before i forget",
    r"did you (?:see|catch|hear) the (?:keynote|talk|game|news|panel|speaker|session)",
    r"have you tried the (?:food|coffee|bar|drinks|snacks|wine)", r"the weather",
)

# Working through an agenda or a form instead of following them: the questions that
# come with it are the form's, not follow-ups.
AGENDA = words(
    r"let's move on", r"moving on", r"next (?:one|question|item|section|topic)\b", r"question (?:one|two|three|four|five|\d+)",
    r"(?:on|for|in) (?:the|your|my|this) (?:\w+ )?(?:form|screening|questionnaire|checklist|handout|intake|survey)",
    r"let's (?:start|look|turn|go back|get back|move) (?:with|at|to|on to) (?:the|your) (?:\w+ )?(?:form|handout|page|feedback|list|agenda|"
    r"questionnaire|next)", r"page (?:\d+|one|two|three|four|five) of", r"i need (?:it|this|that) for (?:the|my)",
    r"back to (?:the|my|our) (?:form|list|questions|agenda)", r"anyway,? let's",
)

GENERIC_QUESTION = words(
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
ASKED_ABOUT_USER = words(
    r"what about you", r"how about you", r"and you", r"what do you do", r"what brings you",
    r"what brought you", r"are you (?:a|an|in|on|with|from|here|clinical|also|the|too|one)",
    r"do you (?:work|do|teach|build|make|run)", r"what(?:'s| is) your", r"what kind of \w+ do you",
    r"what are you (?:working|making|building|doing|up to)", r"where do you", r"tell me about you",
    r"your (?:field|background|line of work|story|work|job|company|role)", r"you in the",
    r"who are you with", r"enough about me", r"what year are you", r"you have a (?:shop|booth|"
    r"company|startup|stand)", r"do you have", r"have you (?:been|worked|done)",
    # a persuadee asking the persuader about their own giving
    r"(?:are|r) (?:you|u) (?:donating|giving|gonna|going to)", r"(?:did|do|will|would) (?:you|u) (?:donate|give)",
    r"how much (?:are|r|did|will|would) (?:you|u)",
)

INVITATION = re.compile(
    r"^(?:\W*\w+,\s+)?(?:tell me (?:more|about|what|how)|walk me through|i(?:'d| would) love to (?:hear|know|understand|learn)|"
    r"i(?:'m| am) curious (?:about|what|how|why|whether)|i wonder (?:what|how|why|if|whether)|say more|"
    r"i(?:'d| would) love to hear)",
    I,
)
