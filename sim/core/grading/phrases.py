"""Building blocks for the phrase patterns: case-insensitive word alternations, counts in
digits or words, and the ways a user commits to doing something for someone."""

from __future__ import annotations

import re

I = re.IGNORECASE

# A count in digits or words: "40", "2,100", "fifty", "two hundred", "dozens".
NUM = (
    r"(?:\d[\d,.]*|a dozen|dozens|hundreds|thousands|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
    r"seven|eight|nine))?(?: hundred| thousand)?)"
)


def words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", I)


# "I'll", "I can", "I'd be happy to", "we could"... followed (within two words) by a help verb.
ME_WILL = (
    r"(?:we(?:'ll| will| can| could)|i(?:'ll| will| can| could| can also|'d be (?:happy|glad) to|"
    r" would be (?:happy|glad) to|'m (?:happy|glad) to| am (?:happy|glad) to|'d love to| would love to))"
)
HELP_VERB = (
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
