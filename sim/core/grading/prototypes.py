"""Prototype sentences per behaviour, written from the labeling guidelines (not from any
labeled file). The hybrid grader measures how close each sentence of a turn comes to
each set, by meaning rather than by shared words."""

from __future__ import annotations

PROTOTYPES: dict[str, tuple[str, ...]] = {
    # listening 3 / 2: their point or feeling in other words
    "reflection": (
        "So what you're saying is that it has been really hard to keep up.",
        "It sounds like the real problem isn't the money, it's the time.",
        "You feel stuck between what you want and what everyone expects of you.",
        "So for you it's less about the tools and more about the people.",
        "In other words, you've done everything right and it still isn't working.",
        "Part of you wants to change, and part of you isn't sure it's worth it.",
    ),
    "empathy": (
        "That sounds really frustrating.",
        "That must be exhausting for you.",
        "I can see why that would worry you.",
        "No wonder you feel discouraged after all that.",
        "That must have been hard to go through.",
    ),
    # listening 2: a question that builds on what they said
    "follow_up": (
        "What happened after that?",
        "How did your team react when that happened?",
        "What has been the hardest part of it for you?",
        "Why do you think it keeps happening?",
        "What would make the biggest difference for you right now?",
        "Tell me more about how that went.",
        "What did you try first, and how did it go?",
    ),
    # listening 1: stock questions that could follow anything
    "generic_question": (
        "So what do you do?",
        "Where are you based?",
        "How long have you been in this field?",
        "Where did you study?",
        "How many people work at your company?",
        "Are you enjoying the event so far?",
        "What brings you here today?",
        "What are your hobbies?",
    ),
    "minimal": (
        "Cool.",
        "Nice.",
        "Interesting.",
        "Oh wow.",
        "Makes sense.",
        "Okay.",
    ),
    # helpfulness 2-3
    "specific_help": (
        "I can introduce you to a friend who runs a program exactly like that; I'll email you both tomorrow.",
        "I'll send you the guide we used, it walks through this step by step.",
        "You could try a small pilot with two teams first and compare the results after a month.",
        "There's a free course from the state association that covers exactly this; I'll send you the link.",
        "A colleague of mine solved the same problem last year, I'll ask her to call you.",
        "One thing that works is to set a fixed weekly slot for it and track the numbers.",
    ),
    # helpfulness 2: help told as experience or as what others do, no "you should"
    "advice_story": (
        "What worked for us was splitting the order into two smaller batches.",
        "A friend had the same issue, and moving to weekly check-ins fixed it for her.",
        "Some teams I know keep one shared list so nothing falls through the cracks.",
        "In my experience, putting the two costs side by side makes the decision easy.",
        "Usually the trick is to try it with a small group before rolling it out.",
        "Other schools handled that by pairing each new teacher with a mentor for the first term.",
    ),
    # helpfulness 1
    "vague_help": (
        "Let me know if I can help with anything.",
        "Happy to help if you ever need anything.",
        "Feel free to reach out anytime.",
        "Maybe look into some resources online.",
        "You should just try to relax more.",
    ),
    # pitching 2
    "promotion": (
        "Our product solves exactly that problem for companies like yours.",
        "My company offers consulting services in this area, and we're the best at it.",
        "We've helped hundreds of clients cut their costs by forty percent.",
        "I'm an experienced designer with ten years of award-winning work.",
        "Our platform is used by the top firms in the industry.",
        "Our charity is highly rated and puts most of every dollar into programs.",
    ),
    # pitching 2: showing off achievements and credentials, no product named
    "brag": (
        "I've built a reputation as the go-to person for this in the whole region.",
        "Honestly, we're the best team in the business and everyone knows it.",
        "I was the youngest partner the firm ever had.",
        "I led that whole rebuild myself, and it's still the thing I'm proudest of.",
        "We grew ten times in two years, mostly because of the system I designed.",
        "I've won three industry awards, and I've worked with some really big names.",
    ),
    # pitching 3
    "call_to_action": (
        "Can I book a meeting with you next week to show you a demo?",
        "Would you be interested in a free trial of our software?",
        "Here's my card, give me a call and we can discuss our solution.",
        "Could you introduce me to your boss?",
        "Are you hiring? I'd love to apply for a job on your team.",
        "Would you consider donating to our cause today?",
        "Sign up on our website and you'll get a discount.",
        "Can you refer me to whoever makes the buying decisions?",
    ),
    # listening 0, pitching 0
    "self_story": (
        "That reminds me of a trip I took last year where everything went wrong.",
        "I had the same thing happen to me, my old boss was terrible.",
        "I've been really busy lately with my own projects.",
        "My weekend was great, I went hiking with my family.",
    ),
    # pitching 1: answering their question about you
    "about_me": (
        "I work in marketing at a mid-size firm, mostly on social media.",
        "I'm a student studying engineering, graduating next year.",
        "I came because a colleague recommended the event.",
        "I've been in this job for about three years now.",
    ),
}

KINDS: tuple[str, ...] = tuple(PROTOTYPES)
