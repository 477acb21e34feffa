"""Casualty figures in one sentence, read from who suffered what.

A figure is a victim phrase tied to a casualty predicate:
- a subject and what happened to it: "two men and a woman were shot", "a 29-year-old man was shot
  and killed", "Terrell Skinner, 26, was pronounced dead", "one fatally";
- an act and its object: "killing four people and wounding eight", "left six injured",
  "the shooting death of a 15-year-old boy".

There are three kinds of figure:
- KILLED;
- INJURED;
- VICTIMS: people shot or hit whose fate the phrase leaves open. Victims include the dead, so
  an incident's injured figure is ``max(injured, victims - killed)``.

A definite victim ("the victim", "he") is one already counted. It becomes a death when it dies
and adds nothing otherwise, except in a story that counted no one before it (``counted_before``). Ages, times, money, percentages and years are never counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from agents.extract.alternation import one_of, spelled_out
from agents.extract.caseblind import CaseBlind, SpelledCase
from agents.extract.gate import AtTheEnd, gated
from agents.extract.numbers import (
    BOUND_WORDS,
    NUMBER,
    ORDINALS,
    UNIT_WORD,
    VAGUE,
    Count,
    count,
    number_value,
    qualifier_before,
)

KILLED = "killed"
INJURED = "injured"
VICTIMS = "victims"

# People by their nation, capitalised whatever the case of the text around: "Three
# Palestinians were killed", "two Lebanese" (the nations of other endings are listed among
# the people: a name ending so, "Evans" or "Alexis", is no nation).
_DEMONYMS = r"|(?-i:[A-Z][a-z]+(?:ians|ese))"
_PEOPLE = one_of(spelled_out(
    "people|persons?|m[ae]n|wom[ae]n|boys?|girls?|teens?|teenagers?|child(?:ren)?|kids?|infants?"
    "|bab(?:y|ies)|toddlers?|youths?|adults?|victims?|officers?|deput(?:y|ies)|troopers?|agents?"
    "|soldiers?|servicem[ae]n|servicemembers?|civilians?|residents?|students?|workers?|drivers?"
    "|passengers?|pedestrians?|bystanders?|customers?|employees?|patrons?|neighbou?rs?"
    "|relatives?|members?|friends?|suspects?|gunm[ae]n|shooters?|individuals?|males?|females?"
    "|juveniles?|sons?|daughters?|mothers?|fathers?|brothers?|sisters?|husbands?|wi(?:fe|ves)"
    "|partners?|cousins?|nephews?|nieces?|grandmothers?|grandfathers?|grandparents?|grand(?:child(?:ren)?|sons?|daughters?)"
    "|(?:ex-)?(?:girlfriends?|boyfriends?)|ex-(?:husbands?|wi(?:fe|ves))|fiancee?s?|spouses?"
    "|guards?|others?"
    "|fighters?|militants?|policem[ae]n|firefighters?|rescuers?|journalists?|hostages?"
    "|worshippers?|shoppers?|pupils?|farmers?|miners?|staff(?:ers)?|ones?|cops?|bod(?:y|ies)"
    "|teachers?|nurses?|doctors?|medics?|paramedics?|pilots?|sailors?|fishermen"
    "|tourists?|migrants?|refugees?|villagers?|prisoners?|inmates?|protesters?|demonstrators?"
    "|volunteers?|spectators?|fans?|pilgrims?|players?|pensioners?|peacekeepers?|guests?"
    "|detectives?|sergeants?|marshals?|rangers?|dealers?|occupants?|owners?|homeowners?|tenants?"
    "|visitors?|cashiers?|clerks?|managers?|patients?|co-?workers?|acquaintances?|riders?|cyclists?"
    "|joggers?|motorists?|truckers?|newborns?|retirees?|veterans?|robbers?|intruders?|burglars?"
    "|attackers?|assailants?|carjackers?|bouncers?"
    "|councillors?|councilors?|officials?|politicians?|mayors?|chiefs?|elders?|commanders?|activists?|bailiffs?"
    "|priests?|imams?|monks?|herders?|traders?|vendors?|labou?rers?|contractors?|militiam[ae]n"
    "|insurgents?|rebels?|combatants?|recruits?|conscripts?|gendarmes?|troops"
    "|americans|mexicans|africans|afghans|koreans|germans|cubans|dominicans|chileans|moroccans"
    "|ugandans|rwandans|kenyans|angolans|venezuelans|guatemalans|salvadorans|hondurans|libyans"
    "|eritreans|iraqis|israelis|pakistanis|yemenis|somalis|saudis|kuwaitis|qataris|emiratis"
    "|bangladeshis|nepalis|britons|kurds|turks|arabs|jews|serbs|croats|thais|czechs"
)) + r"|\d{1,3}-year-olds" + _DEMONYMS
# Crawled copy sometimes has an en dash for the hyphen: "20–year–old".
_AGE = rf"(?:\d{{1,3}}|(?:{UNIT_WORD})(?:-(?:{UNIT_WORD}))?)[-–\s](?:year|month|week|day)s?[-–\s]old"
# One person, as a headline names them without an article: "Massillon boy shot".
_SINGLE_WORDS = (
    r"man|woman|teen|teenager|boy|girl|child|toddler|infant|baby|officer|deputy|trooper|cop"
    r"|victim|student|soldier|civilian|mother|father|son|daughter|resident|driver|bystander"
    r"|juvenile|pedestrian|motorist|hunter|worker|employee|clerk|customer|passenger|suspect"
    r"|gunman|shooter|grandmother|grandfather|husband|wife|girlfriend|boyfriend|brother|sister"
    r"|neighbou?r|homeowner|guard|youth|kid|inmate|rapper|friend|relative|cousin|nephew|niece"
    r"|uncle|aunt|grandson|granddaughter|stepfather|stepson|roommate|classmate"
    r"|teacher|nurse|doctor|medic|paramedic|pilot|tourist|migrant|refugee|villager|prisoner"
    r"|protester|volunteer|pensioner|guest|journalist|firefighter|farmer|miner|pupil"
    r"|detective|sergeant|marshal|ranger|dealer|occupant|owner|tenant|visitor|cashier|manager"
    r"|patient|co-?worker|acquaintance|rider|cyclist|jogger|trucker|newborn|retiree|veteran"
    r"|robber|intruder|burglar|attacker|assailant|carjacker|bouncer"
    r"|councillor|councilor|politician|elder|activist|priest|imam|monk|bailiff"
    r"|herder|trader|vendor|labou?rer|contractor|militiaman|insurgent|rebel|combatant|recruit|conscript|gendarme"
)
_SINGLE = one_of(spelled_out(_SINGLE_WORDS))
# Words between a determiner and its noun ("a 29-year-old Chicago man"), never a function
# word or another number: "a car and two men" is not one person.
_NOT_MODIFIER = (
    rf"(?!(?:and|or|of|no|not|any|every|each|who|that|which|was|were|is|are|in|on|at|by|with|from|to|for|the|an?|{UNIT_WORD}"
    r"|after|before|during|when|while|as|near|outside|inside|into|over|under|than|then|have|has"
    r"|he|she|it|we|they|you|him|them"
    r"|had|been|being|kill\w*|shoot\w*|shot|wound\w*|injur\w*|dies|died|left|leav\w*"
    r"|(?!(?:un)?(?:identified|armed|masked|named|related|retired|married|licensed|intended|adopted|estranged)\b)[a-z]+ed)\b)"
)
# Runs of word letters here are possessive ("++", "*+"): what follows them is never a letter
# of theirs (white space, a comma, a colon), so giving letters back can never make a match,
# and the engine no longer tries it at every name and word (victim phrases 1.05x).
_MODIFIERS = rf"(?:\s+(?:{_AGE}|{_NOT_MODIFIER}[A-Za-z]++(?:-[a-z]++)*+(?:['’]s)?+)){{0,3}}"  # "a sheriff's deputy"
_LABEL = r"(?:[\w.'’#-]++:\s+)?"  # a headline's "HPD: " or "#DEVELOPING: "
# Before a bare noun, a label of a few words: "Colorado High School Shooting 2016: Student ..."
_LONG_LABEL = r"(?:[\w.'’#-]++(?:[^\S\n][\w.'’#-]++){0,4}:\s+)?"
# "Terrell Skinner, 26," "Jane Doe, 32 of Dunbar," (a home town after the age, its comma
# left out), an age written out or with an aside ("Armani Mungin, eight years old," "Alexis
# Mungin, 29 and pregnant,") and, ending a sentence, "shot Donavon Worker, 24."
_NAME_AGE = (rf"[A-Z][\w'’.-]++(?:\s+[A-Z][\w'’.-]++){{0,3}},\s+(?:{_AGE}|\d{{1,3}})(?:\s+and\s+[a-z]+)?"
             r"(?:,|(?=\s+of\s+[A-Z])|(?=[.;]?\s*$))")
_NAME_WORD = r"[A-Z][a-z'’]+(?:[A-Z][a-z'’]+)?"  # "McPherson", "DeShawn"
_FULL_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}\.?){{1,2}}"
_LATER_DIED = r"(?:later\s+|also\s+|then\s+)?died"
# Words that open a sentence capitalised and are no one's name: "Many died", "Police died".
_NOT_A_NAME = one_of(spelled_out(
    "many|several|some|most|all|both|few|none|nobody|everyone|everybody|they|he|she|it|who|this|that|these"
    "|those|police|authorities|officials|each|either|neither|another|others?")) + "|" + _PEOPLE
# The age two people share, between them and what befell them: "Jane Doe and John Roe, both 19,".
_BOTH_AGED = r",\s+both\s+(?:aged\s+)?\d{1,3}\b"
_NAMES_APART = re.compile(r",\s+|,?\s+and\s+")
_A_NAME_AND_AGE = re.compile(_NAME_AGE)
_DEFINITE = one_of(["the", "this", "that", "these", "those", "his", "her", "their", "its", "both"])

# Victim phrases, tried in this order at each position. Those that begin a word are grouped
# under one \b: most positions are inside a word, and one test there skips the whole group.
_PHRASE = SpelledCase(re.compile(
    rf"""
      (?P<names>{_NAME_AGE}(?:\s*(?:and\s+)?{_NAME_AGE}){{0,7}})
    | \b(?:
        (?i:(?P<nobody>\bno\s*-?\s*one\b|\bnobody\b|\bnone\b))
      | (?i:\b(?P<ordinal_to_die>{one_of(list(ORDINALS))})\s+(?:(?:person|victim|child|teen|man|woman)\s+)?to\s+die\b)
      | (?i:\b(?P<ordinal_det>a|the)\s+(?P<ordinal>{one_of(list(ORDINALS))})(?:\s+(?:{_PEOPLE})\b)?)
      | (?i:\b(?P<aged>{_AGE}{_MODIFIERS}\s+(?:{_PEOPLE})\b|(?:{_SINGLE})\s*,\s+\d{{1,3}},))
      | \b(?P<aged_name>{_AGE}(?:\s+[A-Z][\w'’.-]++){{1,3}})
      )
    | (?:^{_LABEL}|(?<![\w-]))(?P<bare_age>(?i:{_AGE}))\b
    | \b(?:
        (?i:\b(?:between\s+)?(?<!\ba\s)(?<!\ban\s)(?P<number>{NUMBER})(?:\s*(?:to|-|–|and|or)\s*(?P<number_high>{NUMBER})(?=\s+(?:{_PEOPLE}|killed|dead|died|injured|wounded|hurt|were|have|had)\b))?
           (?:(?:\s+of(?:\s+(?:the|them|those|these))?)?{_MODIFIERS}\s+(?:(?P<counted>{_PEOPLE})|(?P<deaths>deaths|fatalities))\b
              # the people counted may be of two kinds: "dozens of soldiers and civilians"
              (?:\s+and\s+(?:{_PEOPLE})(?<=s)\b(?!\s+of\b))?)?)
      | (?i:\ba\s+family\s+of\s+(?P<family>{NUMBER})\b)
      | (?i:\b(?P<one>an?|another|one)(?:{_MODIFIERS}\s+(?:{_PEOPLE})\b(?:\s*,\s+\d{{1,3}},)?|\s+{_AGE}\b))
      | (?i:\b(?P<another>another)(?=\s+(?:was|is|has|had|remains?|remained|also|later|died|dies
           |suffered|sustained|wounded|injured|hurt|hospitali[sz]ed|killed|(?!fatally|mortally)[a-z]+ly)\b))
      | (?i:\b(?P<definite>{_DEFINITE})(?:{_MODIFIERS}\s+(?P<definite_noun>{_PEOPLE})\b(?!['’]s\b)|\s+{_AGE}\b))
      | (?i:\b(?P<pronoun>he|she)\b)
      | (?i:(?P<a_death>\ban?\s+(?:(?:accidental|apparent|fatal)\s+)*shooting\s+death
           |(?<=\w)['’]s\s+(?:(?:accidental|apparent|fatal|shooting)\s+)*death)
           \b(?!\s+(?:of|toll|penalty|rate|sentence|row|threats?|certificate|case)\b))
      | (?i:(?P<a_fatal>\b(?:an?|the|in|of|after|for|over)\s+(?:(?!double|triple|quadruple)[\w-]+\s+){{0,2}}?
           |(?<=\w)['’]s\s+(?:[\w-]+\s+)?)
           (?:fatal|deadly)\s+(?:[\w-]+\s+){{0,2}}?(?:shooting|stabbing)
           \b(?!\s+(?:of|death|deaths|suspect|investigation|case)\b))
      | (?<!\bin\s)(?<!\bof\s)(?<!\bat\s)(?<!\bfrom\s)(?<!\bnear\s)(?P<named>{_FULL_NAME}(?:(?:,\s+|,?\s+and\s+){_FULL_NAME}){{0,5}})(?=(?:{_BOTH_AGED},)?\s+(?:(?:was|were|has\s+been|have\s+been)\s+(?:also\s+)?(?:slain|killed|shot|wounded|injured|stabbed|murdered|struck|pronounced\s+dead)|{_LATER_DIED})\b)
      | ^(?!(?i:{_NOT_A_NAME})\b)(?P<surname>{_NAME_WORD})(?=\s+(?:(?:was|has\s+been)\s+(?:also\s+|later\s+)?pronounced\s+dead|{_LATER_DIED})\b)
      | (?i:\b(?P<slain>(?:slain|murdered)\s+(?:{_AGE}\s+)?(?:{_SINGLE}))\b)
      | (?i:(?P<shooting_of>(?:{_SINGLE})['’]s\s+(?:accidental\s+|apparent\s+)?shooting)\b(?!\s+(?:death|suspect|range|spree)\b))
      | (?i:\b(?P<multiple>double|triple|quadruple)(?:\s+(?P<multiple_fatal>fatal|deadly))?\s+
           (?:(?P<multiple_killing>homicide|murder|slaying|killing)|shooting)s?\b)
      )
    | ^{_LONG_LABEL}(?:(?:(?!No\s)[A-Z]|{_NOT_MODIFIER}[a-z])[\w.'’-]*+\s+){{0,3}}(?i:(?P<bare>(?:{_SINGLE})(?:\s*(?:,|,?\s+and|&)\s*(?:{_SINGLE}))*))\b(?!\s*,\s+\d{{1,3}},|['’]s\b)
    | ^{_LABEL}(?i:boys|girls|men|women|teens|children|kids|brothers|sisters|siblings|cousins|toddlers)
      ,\s+(?P<ages>\d{{1,2}}(?:\s*,\s*\d{{1,2}})*,?\s+and\s+\d{{1,2}}),
    | (?<=[,;]\s)(?i:(?P<listed>{_SINGLE}))(?=\s+(?:killed|dead|dies|wounded|injured|hurt|shot|recovering)\b)
    | (?i:\b(?:kill(?:s|ed|ing)|shoot(?:s|ing)|shot|wound(?:s|ed|ing)|injur(?:es|ed|ing)|leaves|left|leaving
         |identif(?:y|ies|ied|ying)|(?:deaths?|killings?|slayings?|murders?)\s+of)\s+
         (?P<acted>(?:{_AGE}\s+)?(?:{_NOT_MODIFIER}[a-z-]++\s+){{0,2}}(?:{_SINGLE})
           (?:\s*(?:,|,?\s+and|&)\s*(?:{_AGE}\s+)?(?:{_NOT_MODIFIER}(?![a-z-]+ed\s)[a-z-]++\s+){{0,2}}(?:{_SINGLE})\b
              (?!\s+(?:was|were|is|has|had)\b))*)\b)
    """,
    re.X,
))
_INCLUDING = gated(re.compile(r"\b(?:including|includ(?:es|ed)|among\s+them|among\s+whom)\s+$", re.I))
_NOT_A_COUNT_AFTER = re.compile(
    r"""\s*(?:-?\s*years?\b|[-–](?:year|month|week|day)|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)
    |\s*(?:percent|per\s+cent|%|miles?|km|kilomet|metres|meters|feet|mph|degrees|rounds|shots
    |times|counts?|block|grams|pounds|dollars|hours|minutes|days|weeks|months
    |calls?|dispatch\w*|operators?|tapes?|recordings?)\b
    # animals, no people: "injuring one of the family dogs", "two horses were shot"
    |\s+(?:of\s+(?:the|our|his|her|their|its)\s+(?:[\w-]+\s+)?)?(?:dogs?|puppy|puppies|cats?|kittens?|horses?|cows?|cattle|animals?|pets?|K-?9s?)\b
    |:\d|/\d|th\b|st\b|nd\b|rd\b|\.\d|,\d|-\d|\s+[-–—]+\s*\d
    # "14 others injured, 5 critically": how badly some of those just counted were hurt
    |\s+(?:critically|seriously|gravely|severely)(?=\s*(?:[,.;)]|$|and\b)))""",
    re.I | re.X,
)
_MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_NOT_A_COUNT_BEFORE = AtTheEnd(gated(re.compile(
    r"(?:[$£€#]|\bno\.?|\bnumber|\broute|\bhighway|\binterstate|\baged|\bcounts?\s+of"
    r"|\b(?:father|mother|parent|dad|mom|mum)\s+of|\b(?:younger|older)\s+than"
    # a gallery's counter: "Image 5 of 12"
    r"|\b(?:image|photo|picture|slide)(?:\s+\d+\s+of)?"
    # the age two people share: "a woman and a man, both 19,"
    r"|\bboth"
    rf"|\b(?:{_MONTH_NAMES})\.?|\bages?(?:\s+of)?(?:\s+\d+\s*(?:and|or|to|-))?)\s*$"
    r"|[\d,.:-]$",
    re.I,
)))
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_OTHER_AFTER = re.compile(r"\s+other\b", re.I)
# A word and a comma just before a number ("Skinner, 26,"): it can only begin two characters
# before the white space that ends the text, where it is searched from.
_AFTER_A_NAME = re.compile(r"\w,\s*$")
_AGES_LISTED = re.compile(r"[A-Z][\w'’-]+,\s*\d{1,3}\s*[;,]")
# "wounded two men, 19 and 20, who ...": the ages of the people just counted, the first of
# them followed by the rest, the last preceded by the first.
_MORE_AGES_AFTER = re.compile(r"(?:,\s*\d{1,3}\s*)*,?\s*(?:and|&)\s+\d{1,3}\s*(?:[,.;)]|$)")
_AGES_BEFORE = re.compile(r"\w,\s+\d{1,3}(?:\s*,\s*\d{1,3})*,?\s+(?:and|&)\s+$")

# A word of where someone is from or was hit ("of Morgantown", "in a late night shooting"),
# never the verb that says what befell them: "Davienne Lewis from Springfield died".
_PLACE_WORD = r"(?!(?:died|dies|killed|shot|wounded|injured|hurt|was|were|is|are|has|have|had)\b)[A-Z][\w.'’-]+"
_AUXILIARY = (
    # "Damon Sochko, 16, of Morgantown,", "a 3-year-old boy in Campbell County"
    rf"(?:\s*,?\s+(?:of|in|at|from)\s+(?:the\s+)?{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}},?)?"
    r"(?:\s*,\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}\s*,)?"  # "a 12-year-old boy, Jakob Weeks,"
    # who the count takes in, set off by commas: "45 people, including 12 children, were killed",
    # "31 people, most of them children, were killed"
    r"(?:\s*,\s*(?:including|among\s+them|[\w-]+\s+of\s+(?:them|whom))\s+[^,;]{1,60}?,)?"
    # where the people were: "all 72 people on board a Yeti Airlines plane were killed"
    r"(?:\s+(?:on\s+board|aboard)(?:\s+(?:an?|the|their)(?:\s+[\w'’-]+){1,4}?)?)?"
    # "two men aged 25 and 35", "a man between 25 and 35 years old", "two men, both 19,"
    r"(?:\s*,?\s+(?:aged\s+(?:between\s+)?|between\s+|both\s+(?:aged\s+)?)\d{1,3}(?:\s*(?:,|and|to|-|–)\s*\d{1,3})*(?:\s+years\s+old)?\s*,?)?"
    r"(?:\s*,?\s*(?:who|that)\b)?"
    r"(?:\s+of\s+(?:the|them|those|these|whom)(?:\s+\w+)?)?"
    r"(?:\s+(?:was|were|is|are|has|have|had|been|being|got|gets|remains?|remained|also|later|found|left"
    r"|more(?!\s+(?:shots?|rounds?|\w+ly)\b)"
    r"|both|all|each|then|just|now|since|badly|(?!fatally|mortally)[a-z]+ly"
    # "were reported killed", "were confirmed dead", "are said to have been killed", "are
    # feared dead", "may have been killed": a claim told with its doubt is still the claim
    r"|reported|confirmed|believed|feared|(?:said|thought|known|reported|believed|feared)\s+to"
    r"|(?:may|might|could)\s+have(?=\s+(?:been|died|perished|drowned)\b)))*"
)
# "Any time one of our students is hurt": what would be, not what was.
_HYPOTHETICAL = AtTheEnd(gated(re.compile(r"\b(?:any\s*time|whenever|every\s+time|if|unless)\s+(?:[\w'’-]+\s+){0,4}$", re.I)))
# "The shooting would be a double murder": what it may yet become; "there should've been five
# dead": what might have been.
_WOULD_BE = re.compile(r"\b(?:would|could|might|may|should)(?:\s+have|['’]ve)?\s+(?:be|been|become)\s+(?:an?\s+)?$",
                       re.I)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being|got|gets|get)\b", re.I)
# A headline's present too: "Man fatally shoots wife".
_TRANSITIVE = re.compile(r"(?:(?:fatally|mortally)\s+)?(?:shot|shoots|killed|kills|murdered|murders|wounded|wounds|injured"
                         r"|injures|struck|strikes|hit|hits|stabbed|stabs|grazed)\b", re.I)
_OBJECT = re.compile(
    r"\s+(?:a|an|another|the|his|her|their|its|two|three|four|five|six|several|multiple|\d+|\d+-year-old)(?:\s|$)"
    r"(?!times\b|(?:few|couple\s+of|number\s+of)\s+times\b|\w+\s+times\b)"
    rf"|\s+(?:{_SINGLE})\b", re.I)  # a headline's bare object: "Homeowner killed man, woman"
# "the suspect who shot a child" did the shooting.
_ACTIVE_RELATIVE = re.compile(
    r"\s*,?\s*(?:who|that)\s+(?:\w+ly\s+)?(?:shot|shoots|killed|kills|wounded|injured|struck|hit|stabbed)"
    r"\s+(?!(?:and|in|at|on|to|by|himself|herself|themselves|self)\b)\w", re.I)
_NEGATED = re.compile(_AUXILIARY + r"\s+(?:not|n't|never)\b", re.I)
_DEATH = (
    # "shot multiple times and killed", "shot in the head and killed"
    r"shot(?:\s+(?:(?:[\w-]+\s+)?times|once|twice|in\s+the\s+[a-z]+))?,?\s+(?:and\s+)?killed|shot\s+dead|shot\s+to\s+death|drowned"
    r"|(?:stabbed|beaten|burned|burnt|crushed|trampled|hacked|bludgeoned)\s+to\s+death"
    r"|killed|slain|dead|died|dies|die|murdered|executed|(?:pronounced|presumed)\s+dead|gunned\s+down"
    # "buried by a landslide", "buried under the rubble": dead, as the disaster's toll counts them
    r"|buried\s+(?:alive\s+)?(?:by|under|in|beneath)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:landslides?|mudslides?|rubble|debris|mud|avalanche|snow)\b"
    # "were found at the scene dead"
    r"|found\s+(?:(?:at|in|inside|near|outside|on|behind)\s+(?:[\w'’-]+\s+){1,4}?)?dead\b(?!['’]s|[\s-]+ends?\b)"
    r"|lost\s+(?:his|her|their)\s+lives?|succumbed|perished|fatally\b|mortally\s+wounded"
    r"|among\s+(?:the\s+dead|those\s+killed)\b"
    r"|suffer(?:s|ed)\s+(?:a\s+)?(?:fatal|mortal)|did\s+not\s+survive"
    r"|t(?:ook|akes?|aking)\s+(?:(?:his|her|their)\s+)?own\s+(?:life|lives)"
    r"|t(?:ook|akes?|aking)\s+(?:his|her|their)\s+(?:life|lives)"
)
# "suffered a single gunshot wound" says he was hit, not that he lived: he may have died of it.
_A_GUNSHOT_WOUND = r"(?:an?\s+|multiple\s+|several\s+|two\s+)?(?:single\s+)?(?:gunshot|bullet)\s+wounds?"
_INJURY = (
    r"shot\s+and\s+wounded|wounded|injured|hurt|hospitali[sz]ed|grazed|stabbed"
    r"|(?:listed\s+)?in\s+(?:a\s+)?(?:critical|serious|stable|fair|good|grave|guarded)"
    r"(?:\s+but\s+stable)?\s+condition|critical|treated\s+(?:for|and\s+released)"
    # "33 others were being treated in hospital"
    r"|treated\s+(?:in|at)\s+(?:an?\s+|the\s+|local\s+)?(?:hospitals?|clinics?)\b"
    rf"|paraly[sz]ed|suffer(?:s|ed)\s+(?!{_A_GUNSHOT_WOUND})(?:[\w-]+\s+){{0,3}}?"
    r"(?:injur|wound)|(?P<transport>(?:taken|rushed|flown|airlifted|transported|driven)"
    # "taken by personal vehicle to East Alabama Medical Center": a hospital by its name
    r"(?:\s+by\s+(?:[\w-]+\s+){0,2}?(?:vehicles?|cars?|ambulances?|helicopters?))?\s+to\s+"
    r"(?:(?:an?|the)\s+(?:[\w-]+\s+)?(?:hospitals?|(?:medical|trauma)\s+cent(?:er|re)s?)|hospital"
    r"|(?:the\s+)?(?-i:(?:[A-Z][\w'’.&-]*\s+){1,5})"
    r"(?:hospital|(?:medical|trauma)\s+cent(?:er|re)|infirmary))\b)"
    r"|recover(?:s|ing)|surviv(?:es|ed)\s+(?:[\w-]+\s+){0,3}?(?:shot|shooting|gunshot|wound)"
    r"|fighting\s+for\s+(?:his|her|their)\s+li(?:fe|ves)|in\s+(?:the\s+)?hospital\b"
    r"|released\s+from\s+(?:the\s+|a\s+|area\s+|local\s+)?hospitals?"
)
_HIT = (
    r"the\s+victims?\b|shot\b|struck|graze[sd]?\s+(?:himself|herself|self)|hit\s+by\s+(?:an?\s+)?(?:stray\s+|errant\s+)?(?:gunfire|gunshots?|bullets?|stray|round|shotgun\s+blast)"
    r"|sustained\s+(?:[\w'‘’\"“”-]+\s+){0,3}?(?:wound|injur)"
    rf"|suffer(?:s|ed|ing)\s+(?:from\s+)?{_A_GUNSHOT_WOUND}"
    r"|shoots?\s+(?:himself|herself|themselves|self|(?:(?:his|her)\s+)?own|(?:in\s+the\s+)?(?:hand|foot|leg))"
    r"|with\s+(?:a\s+|multiple\s+|several\s+)?(?:\w+\s+)?(?:gunshot|bullet|stab)\s+wounds?"
    # "showed up in a hospital emergency room on Saturday afternoon with a gunshot wound"
    r"|(?:show(?:s|ed)?\s+up|turn(?:s|ed)?\s+up|arrive[sd]?|walk(?:s|ed)?\s+in(?:to)?)\s+(?:[\w'’.-]+\s+){0,10}?"
    r"(?:with|suffering(?:\s+from)?)\s+"
    r"(?:a\s+|multiple\s+|several\s+)?(?:\w+\s+)?(?:gunshot|bullet|stab)\s+wounds?"
)
_PREDICATE = re.compile(
    _AUXILIARY + rf"\s+(?:(?P<death>{_DEATH})|(?P<injury>{_INJURY})|(?P<hit>{_HIT}))", re.I
)
_LATER_DEATH = re.compile(r"\b(?:later\s+)?(?:died|succumbed|was\s+pronounced\s+dead|did\s+not\s+survive|(?:was\s+|is\s+)?taken\s+off\s+life\s+support)\b", re.I)
# "Five people were shot, one of whom died": the death is some of them, counted on its own.
_SOME_OF_THEM = re.compile(r"\b\w+\s+of\s+(?:whom|them|those|these|the\s+[a-z]+)\b", re.I)
# "and one died", "two of them later died": a count just before a death is its own subject.
_COUNT_BEFORE = re.compile(rf"\b(?:{UNIT_WORD}|\d+)(?:\s+[a-z]+){{0,2}}\s+$", re.I)
_RELATIVE = re.compile(r"\s*,?\s*(?:who|that)\s", re.I)
# "... has now died": the sentence's own verb after a relative clause, in the perfect a relative
# clause of its own would not take ("who had died").
_HAS_DIED = re.compile(r"\b(?:has|have)\s+(?:now\s+|since\s+)?died\b", re.I)
_HARD_BREAK = re.compile(r"[;:!?—]")
_RELATIVE_REACH = 160
_NAME_AND_COMMA_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*,\s*$")
_ANOTHER_PERSON = re.compile(rf"\band\s+(?:a|an|another)\s+(?:[\w-]+\s+){{0,2}}?(?:{_SINGLE})\b", re.I)
# "were taken to Morton Hospital, where they died": the people taken there, no one else.
_DIED_THERE = re.compile(r"(?:\s+[\w'’.-]+){0,6}?\s*,?\s+where\s+(?:he|she|they)\b", re.I)
_ALL = re.compile(r"\b(?:all|both)\s+$", re.I)  # "all five of the wounded": every one of them
_OF_THE_CASUALTIES = re.compile(r"\s+of\s+the\s+(?:injured|wounded|hurt|dead|victims|casualties)\b", re.I)
_PARTITIVE_BEFORE = re.compile(r"\b\w+\s+of\s+(?:the\s+|those\s+|these\s+)?$", re.I)
_CLAUSE_BREAK = re.compile(r"[;:!?]|\s[—–]\s|\b(?:but|while|whereas|although|after|before|when|as)\b", re.I)
_ACT = gated(re.compile(
    r"\b(?:(?P<kill>kill(?:ing|ed|s)?|murder(?:ing|ed|s)?|shot\s+dead|shoot(?:ing|s)?\s+dead|(?:claim(?:ed|s)|took)\s+the\s+li(?:fe|ves)\s+of|gunn(?:ing|ed)\s+down|guns\s+down|fatally\s+(?:shoot(?:ing|s)|shot|stabb(?:ing|ed)|wound(?:ing|ed)))"
    r"|(?P<wound>wound(?:ing|ed|s)?|injur(?:ing|ed|es|e))"
    r"|(?:shoot(?:ing|s)|shot)\s+and\s+(?P<shot_wound>wound(?:ing|ed)|injur(?:ing|ed)|paraly[sz](?:ing|ed))"
    r"|(?P<shoot>shoot(?:ing|s)|shot|hit(?:ting|s)?|strik(?:ing|es)|struck|graz(?:ed|ing|es))|(?P<leave>left|leaving|leaves))"
    # "killed his ex-girlfriend's two teenage daughters", "killing her two grandchildren",
    # "killed at least 1,200 people", "killing all 132 people on board"
    rf"(?:\s+(?:his|her|their|a|the)\s+(?:[\w-]+\s+)?[\w-]+['’]s|\s+(?:his|her|their)|\s+(?:{BOUND_WORDS})|\s+all)?\s+$",
    re.I,
))
_OF = gated(re.compile(
    r"\b(?:(?P<death>deaths?|killings?|murders?|slayings?|bod(?:y|ies)|fatal(?:ly)?\s+(?:shooting|stabbing)"
    r"|(?:claimed|took|taking|claiming)\s+(?:the\s+)?(?:life|lives))|(?P<hit>shootings?)|(?P<wounding>woundings?))"
    r"(?:\s*,(?:\s+[\w-]+){1,3}\s*,)?\s+of\s+$",  # "the shooting, apparently accidental, of"
    re.I,
))
# "The death toll rose to six", "the number of injured reached 40", "has risen to nearly 300"
_TOLL = gated(re.compile(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:people\s+(?:killed|dead|injured|wounded|hurt)|dead|deaths|injured|wounded|fatalities|casualties))"
    r"(?:\s+[\w'’-]+){0,22}?\s+(?:to|at|of|is|was|reached|hit|stands\s+at|climbed\s+to"
    rf"|(?P<beyond>(?:has\s+|had\s+)?(?:passed|topped|exceeded|surpassed)))\s+(?:(?:{BOUND_WORDS})\s+)?$",
    re.I,
))
_TOLL_REACH = 180
# A count after a casualty verb with a fate of its own, a headline's list without its comma:
# "1 killed 3 injured".
_FATE = r"\s+(?:killed|dead|injured|wounded|hurt)\b"
_FATED_COUNT = re.compile(rf"\s+(?:{NUMBER}){_FATE}", re.I)
_FATE_AFTER = re.compile(_FATE, re.I)
_NEARLY = gated(re.compile(r"\b(?:nearly|almost|narrowly)\s+$", re.I))
# "left four troops including the gunman dead": who the count takes in may come between.
_LEFT_STATE = re.compile(r"(?:,?\s+including\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?,?)?"
                         r"\s+(?:(?P<death>dead|to\s+death)|(?P<injury>injured|wounded|hurt))\b", re.I)
_BODY = re.compile(r"\bbod(?:y|ies)\b", re.I)
_RECOVERED = gated(re.compile(r"\b(?:found|discovered|recovered|retrieved|pulled|removed)\s+(?:the\s+)?$", re.I))
_FOUND = re.compile(r"\b(?:found|discovered|recovered|retrieved|pulled|lying|lay|dumped)\b", re.I)
_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")
_WINDOW = 80


@dataclass(frozen=True, slots=True)
class Figure:
    kind: str  # KILLED, INJURED or VICTIMS
    value: int
    low: int | None
    high: int | None
    qualifier: str | None
    start: int  # offsets within the sentence
    end: int
    individual: bool = False  # one person told of alone ("a man", "Jane Doe, 22,")
    others: bool = False  # people beyond the sentence's count ("three others were grazed")
    own_death: bool = False  # the shooter's, beyond the count of the people before ("then himself")
    revised: bool = False  # the sentence's own later figure for the one before ("revised the figure to five")
    also: bool = False  # people told as also hit, beside others: "German Booker was also killed"


@dataclass(frozen=True, slots=True)
class _Phrase:
    start: int
    end: int
    count: Count
    definite: bool
    cumulative: bool  # "a third victim": the running count of victims, not an addition
    zero: bool
    individual: bool = False
    others: bool = False
    pronoun: bool = False  # "he and three others": a pronoun joins new people, "the father" does not
    kind: str | None = None  # what the phrase itself says befell them: "a double homicide"
    own_clause: bool = False  # "..., another wounded": the subject of a clause of its own
    name: bool = False  # a person's name: "63-year-old Daniel Caron", "Skinner, 26"
    named_after: bool = False  # a name after a comma names it: "his friend, 63-year-old Daniel Caron"


def _phrase(match: re.Match[str], sentence: str) -> _Phrase | None:
    before = sentence[: match.start()]
    if match["names"]:
        found = len(_A_NAME_AND_AGE.findall(match["names"]))
        return _Phrase(match.start(), match.end(), Count(found, found, found, None), False, False,
                       False, individual=True, name=True)
    if match["nobody"]:
        return _Phrase(match.start(), match.end(), Count(0, 0, 0, None), False, False, True)
    if match["ordinal"]:
        value = ORDINALS[match["ordinal"].lower()]
        return _Phrase(match.start(), match.end(), Count(value, value, None, "at least"),
                       match["ordinal_det"].lower() == "the", True, False)
    if match["number"]:
        text = match["number"]
        if _NOT_A_COUNT_AFTER.match(sentence, match.end("number")) and not match["counted"]:
            return None
        if _NOT_A_COUNT_BEFORE.search(before) or (_YEAR.match(text) and not match["counted"]):
            return None
        if text.isdigit() and len(text) >= 4 and not match["counted"]:
            return None  # "2501 Carter Rd.": head counts that large are written "2,501 people"
        after_a_name = _AFTER_A_NAME.search(before, max(0, len(before.rstrip()) - 2))
        rest = sentence[match.end():].strip()
        ends = not rest or rest.startswith((",", ".", ";", ")"))
        listed = bool(match["counted"]) and not _OF_THEM.search(match.group())  # "wife, 2 children"
        if after_a_name and not listed and (ends or _AGES_LISTED.search(before) or _MORE_AGES_AFTER.match(rest)):
            return None  # "Skinner, 26," and "a boy, 15," give an age; so does the last of a list
        # of them ("Powers, 30; Burnett, 21; and Coleman, 31 all died"); "10 people, six of them
        # women," are among those counted
        if ends and _AGES_BEFORE.search(before):
            return None
        found = count(text, qualifier_before(before[-25:]))
        # "three others", "three other people": people beyond those the sentence counts besides
        others = bool(match["counted"]) and (match["counted"].lower().startswith("other")
                                             or bool(_OTHER_AFTER.match(sentence, match.end("number"))))
        start = match.start()
        if found is not None and match["number_high"]:
            high = number_value(match["number_high"])
            if high is not None and high > found.value:  # "10 to 15 people": at least 10, at most 15
                found = Count(found.value, found.value, high, "range")
            elif high is not None:  # no range runs down: "Channel 12 - Five injured" counts five
                found, start = Count(high, high, high, None), match.start("number_high")
        return (_Phrase(start, match.end(), found, False, False, False, others=others,
                        kind=KILLED if match["deaths"] else None) if found else None)
    if match["another"]:  # "four were killed and another was wounded"
        return _Phrase(match.start(), match.end(), Count(1, 1, 1, None), False, False, False, others=True,
                       own_clause=True)
    if match["family"]:
        value = number_value(match["family"])
        return _Phrase(match.start(), match.end(), Count(value, value, value, None), False, False,
                       False) if value else None
    if match["a_death"]:  # "the teen's death" after "Jaden's death" is his again, not a second
        return _Phrase(match.start(), match.end(), Count(1, 1, 1, None), False, False, False,
                       individual=not _DEFINITE_OWNER.search(before), kind=KILLED)
    if match["a_fatal"] is not None:  # "a fatal shooting": someone died, how many is said elsewhere
        return _Phrase(match.start(), match.end(), Count(1, 1, None, "at least"), False, False, False,
                       kind=KILLED)
    if match["slain"]:  # "the family of slain 7-year-old boy"
        return _Phrase(match.start(), match.end(), Count(1, 1, 1, None), False, False, False,
                       individual=True, kind=KILLED)
    if match["shooting_of"]:  # "a teen nephew's shooting"
        return _Phrase(match.start(), match.end(), Count(1, 1, 1, None), False, False, False,
                       individual=True, kind=VICTIMS)
    if match["ordinal_to_die"]:  # "becomes fourth to die": the dead number four now
        value = ORDINALS[match["ordinal_to_die"].lower()]
        return _Phrase(match.start(), match.end(), Count(value, value, None, "at least"), False, True,
                       False, kind=KILLED)
    if match["multiple"]:
        value = _MULTIPLES[match["multiple"].lower()]
        killing = bool(match["multiple_fatal"] or match["multiple_killing"])
        return _Phrase(match.start(), match.end(), Count(value, value, value, None), False, False,
                       False, kind=KILLED if killing else VICTIMS)
    if match["bare"] and (found := len(_LIST_SEPARATOR.split(match["bare"]))) > 1:
        return _Phrase(match.start("bare"), match.end(), Count(found, found, found, None), False,
                       False, False)
    if match["ages"]:  # "Boys, 4 and 6, shot": as many as the ages
        found = len(_AN_AGE.findall(match["ages"]))
        return _Phrase(match.start(), match.end(), Count(found, found, found, None), False, False, False)
    if match["acted"]:  # "kills wife, daughter": each one person
        found = len(_LIST_SEPARATOR.split(match["acted"]))
        return _Phrase(match.start("acted"), match.end(), Count(found, found, found, None), False, False,
                       False, individual=True)
    if match["surname"]:  # "Hicks died of his wounds on June 5": someone the story told of before
        return _Phrase(match.start(), match.end(), Count(1, 1, 1, None), True, False, False, name=True)
    if match["named"]:  # "Raymone West, Brian Dearmond and Marquise McPherson were also struck"
        found = len(_NAMES_APART.split(match["named"]))
        return _Phrase(match.start(), match.end(), Count(found, found, found, None), False, False,
                       False, individual=True, name=True)
    if match["one"] or match["bare"] or match["listed"] or match["aged"] or match["aged_name"] or match["bare_age"]:
        if _is_the_speaker(sentence, match.start(), match.end()):
            return None
        qualifier = qualifier_before(before[-25:])
        return _Phrase(match.start(), match.end(), Count(1, 1, 1, qualifier), False, False,
                       False, individual=True, name=bool(match["aged_name"]))
    noun = (match["definite_noun"] or "").lower()
    if match["pronoun"]:
        return _Phrase(match.start(), match.end(), Count(1, 1, 1, None), True, False, False,
                       pronoun=True)
    plural = noun.endswith("s") or noun in ("people", "men", "women", "children")
    value = 2 if match["definite"] and match["definite"].lower() == "both" else 1
    if plural and value == 1:
        return None  # "the victims": how many is said elsewhere
    return _Phrase(match.start(), match.end(), Count(value, value, value, None), True, False, False)


# "killing nine and wounding 15, an official said": who tells the figures, not one more hit.
_SPEAKER_AFTER = re.compile(
    r"(?:\s+and\s+(?:an?|the|two|several)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s+(?:said|says|told|added|confirmed|reported|stated)\b")
_SPEAKER_BEFORE = re.compile(r",\s*(?:(?:said|says|told|according\s+to)\s+)?$")


def _is_the_speaker(sentence: str, start: int, end: int) -> bool:
    """Whether a person phrase after a comma is the source of what the clause told: ", an
    official said", ", said a police spokesman"."""
    before = _SPEAKER_BEFORE.search(sentence, max(0, start - 20), start)
    if before is None:
        return False
    return bool(before.group().strip(", ")) or bool(_SPEAKER_AFTER.match(sentence, end))


_MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4}
_AN_AGE = re.compile(r"\d+")
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*and|,|\band\b|&)\s*", re.I)


# Where a victim phrase can begin: the sentence's start (a headline's label, a bare list of
# people), a word's start, a capital inside a word (a name), or the apostrophe of "'s death".
# The first character of every alternative of _PHRASE is one of these, so searching the pattern
# behind this gate finds what searching it from every position finds, and the letters inside
# words (most of a sentence) fail at the gate, inside the regex engine: 1.15x faster than
# trying the pattern at each start from Python.
#
# A phrase that opens with a lower-case letter opens with one of a few words: the gate lets a
# word of lower case through only if it is one of them ("a", "the", "man") or begins with one
# ("two", "killing"), so the pattern is not tried at "and", "said", "were", "police" or "when".
# Each is what an alternative of _PHRASE requires there, a word followed by a space, a comma
# or an apostrophe, or the beginning of one ("no" of "noone", "ten" of "tenants" as a number
# would be found), so it rules out no match (victim phrases 1.2x over both dev sets' sentences).
# An alternative that opens with another word needs its word here.
_OPENING_WORDS = one_of(sorted({
    "a", "an", "another", "the", "this", "that", "these", "those", "his", "her", "their", "its", "both",
    "he", "she", "between", "in", "of", "after", "for", "over",  # "in a fatal shooting"
    "slain", "murdered", "double", "triple", "quadruple", *spelled_out(_SINGLE_WORDS),
}))
_OPENING_STEMS = one_of(sorted({
    "no",  # nobody, none, no one, noone
    "kill", "shoot", "shot", "wound", "injur", "leav", "left", "identif", "death", "slaying", "murder",
    *ORDINALS, *VAGUE,
}))
_PHRASE_AFTER_THE_START = SpelledCase(re.compile(
    rf"(?=\b(?:[^\Wa-z]|(?i:{_OPENING_WORDS}\b|{_OPENING_STEMS}|{UNIT_WORD}))|[A-Z'’])"
    rf"(?:{_PHRASE.pattern.pattern})", _PHRASE.pattern.flags))


def _phrase_matches(sentence: str) -> Iterator[re.Match[str]]:
    """The matches of _PHRASE that searching from the start, then from each match's end
    (or the next character), finds."""
    position = 1
    if (match := _PHRASE.for_text(sentence).match(sentence)) is not None:
        yield match
        position = max(match.end(), 1)
    gated = _PHRASE_AFTER_THE_START.for_text(sentence)
    while (match := gated.search(sentence, position)) is not None:
        yield match
        position = max(match.end(), match.start() + 1)


# "A man between 25 and 35 years old", "victims aged 18 and 25": ages, not people.
_AGED = re.compile(r"\b(?:between|aged|ages|age)\s+(?:\d{1,3}\s*(?:,|and|to|-|–)\s*)?$", re.I)


@lru_cache(maxsize=256)
def _phrases(sentence: str) -> tuple[_Phrase, ...]:
    """The sentence's victim phrases. Kept while an article is read: a story that counts no
    one is read again for its first victim (``counted_before``)."""
    found: list[_Phrase] = []
    for match in _phrase_matches(sentence):
        phrase = _phrase(match, sentence)
        if phrase is not None and not _INCLUDING.search(sentence[: match.start()][-30:]) \
                and not (_AGED.search(sentence, max(0, match.start() - 16), match.start()) and "-year" not in match.group()):
            found.append(phrase)
    return tuple(found)


# "four people, one seriously", "three people, two of whom were children": the one and the two
# are among them.
_OF_THEM = re.compile(r"\s+of\s+(?:whom|them|those|these)\b", re.I)
_HOW = re.compile(r"\s+\w+ly\b(?!\s+(?:killed|injured|wounded|shot|hurt|dead)\b)", re.I)


_POSSESSIVE = re.compile(r"(?:his|her|their)\s", re.I)
_DEFINITE_OWNER = re.compile(r"\b(?:the|this|that)\s+[\w-]+$", re.I)
_OWNER = re.compile(r"\s(?:his|her|their)\s*$", re.I)  # "a woman and her | two children"


def _coordinated(phrases: tuple[_Phrase, ...], sentence: str) -> list[list[_Phrase]]:
    """Group phrases joined by "and" or commas ("two men and a woman") into one subject. After
    a definite phrase, "and" carries its article on: "the father and two children" were
    counted before; "he and three others" are four. After an indefinite one, a possessive is
    someone new: "a man and his 11-year-old son" are two."""
    groups: list[list[_Phrase]] = []
    for phrase in phrases:
        if groups and _names_the_one_before(groups[-1][-1], phrase, sentence):
            groups[-1][-1] = replace(groups[-1][-1], end=phrase.end, named_after=True)
            continue
        joiner = _OWNER.sub(" ", _SHARED_AGE.sub("", sentence[groups[-1][-1].end:phrase.start])) if groups else ""
        joined_by_and = " and " in f" {joiner} "
        partitive = not joined_by_and and (_HOW.match(sentence, phrase.end) or _OF_THEM.match(sentence, phrase.end))
        if groups and _COORDINATION.fullmatch(joiner) and not partitive and not phrase.own_clause and (
                not (phrase.definite or groups[-1][-1].definite)
                or (joined_by_and and not phrase.definite and groups[-1][-1].definite)
                or (joined_by_and and not groups[-1][-1].definite and _POSSESSIVE.match(sentence, phrase.start))):
            groups[-1].append(phrase)
        else:
            groups.append([phrase])
    return [_as_named_apposition(group, sentence) for group in groups]


# "a woman and a man, both 19, and another man": the pair's age joins them to the next.
_SHARED_AGE = re.compile(rf"^{_BOTH_AGED}")


# The comma that closes an apposition, after the ages that may end it.
_CLOSING_COMMA = re.compile(r"(?:\s+(?:aged\s+|ages\s+)?(?:between\s+)?\d[\w\s-]{0,30}?)?\s*,")
# A comma before the source closes the clause, not an apposition: "shot two men, a woman and a
# child, police said" are four.
_SOURCE_AFTER = re.compile(r"\s*(?:according\s+to\b|(?:[\w.'’-]+\s+){1,4}(?:said|says|told|reported)\b)", re.I)


def _as_named_apposition(group: list[_Phrase], sentence: str) -> list[_Phrase]:
    """A count the names after its comma add up to tells of the same people: "two men, John
    Smith, 22, and Bob Jones, 33," are two, and "three others, two males and a female between
    15 and 20 years old," are three (a list without the closing comma is more people: "two
    men, a woman and a boy were shot" are four). A running count is one person: "A third
    victim, Richard Huwiler, 61, suffered a non-life-threatening wound" is the third hit."""
    first, names = group[0], group[1:]
    people = 1 if first.cumulative else first.count.value
    closing = _CLOSING_COMMA.match(sentence, names[-1].end) if names else None
    if (names and not first.name and sentence[first.end:names[0].start].strip() == ","
            and (all(p.name for p in names) or (closing and not _SOURCE_AFTER.match(sentence, closing.end())))
            and people == sum(p.count.value for p in names)):
        return [replace(first, end=names[-1].end, named_after=True)]
    return group


def _names_the_one_before(before: _Phrase, phrase: _Phrase, sentence: str) -> bool:
    """Whether a name or a description after a comma tells of the one person just counted:
    "his friend, 63-year-old Daniel Caron" is one man, and so is "one of the victims, a man,
    has died" (the description closed by a comma before the verb, "one of the victims, 17-year-old
    Raekwon Brown, a student at Burke High, was"); "a man, a woman" and "a man, a woman, and a
    boy" are two and three."""
    if phrase.count.value != 1 or before.name or before.count.value != 1 or before.cumulative:
        return False
    if sentence[before.end:phrase.start].strip() != ",":
        return False
    described = _DESCRIPTION.match(sentence, phrase.end)
    return phrase.name or (described is not None and _PREDICATE.match(sentence, described.end()) is not None)


# A description closed by a comma, with the words that place it: "a student at Burke High,".
_DESCRIPTION = re.compile(r"(?:\s+(?:at|of|from|in|with|for|who)\b[^,;]{0,60})?,")


def _sum(group: list[_Phrase]) -> Count:
    if len(group) == 1:
        return group[0].count
    value = sum(p.count.value for p in group)
    lows = [p.count.low for p in group]
    highs = [p.count.high for p in group]
    return Count(value, None if None in lows else sum(lows),  # type: ignore[arg-type]
                 None if None in highs else sum(highs), None)  # type: ignore[arg-type]


def _clause(sentence: str, start: int) -> str:
    window = sentence[start: start + _WINDOW]
    cut = _CLAUSE_BREAK.search(window)
    return window[: cut.start()] if cut else window


_AMONG = re.compile(r"\bamong\b", re.I)
_FOUND_BEFORE = re.compile(r"\b(?:found|located|discovered)\s+(?:all\s+)?$", re.I)
_FOUND_REACH = 20
_CONDITION_TOLD = re.compile(r"\b(?:injur|condition|stable|critical|serious|expected\s+to\s+(?:survive|recover|be\s+ok)"
                             r"|treated\s+and\s+released|released)", re.I)
_OR_HURT = re.compile(r"\s+or\s+(?:injured|wounded|hurt)\b", re.I)


def _as_subject(group: list[_Phrase], sentence: str) -> tuple[str, Count] | None:
    last = group[-1]
    if _NEGATED.match(sentence, last.end) or _ACTIVE_RELATIVE.match(sentence, last.end):
        return None
    if _BODY.search(sentence, last.start, last.end) and _FOUND.search(_clause(sentence, last.end)):
        return KILLED, _sum(group)  # "his dead body was found the next day"
    predicate = _PREDICATE.match(sentence, last.end)
    if predicate is None and sentence.startswith(",", last.end) and len(group) == 1 and (
            last.named_after or (last.count.value == 1 and _NAME_AND_COMMA_BEFORE.search(sentence, 0, last.start))):
        # the comma closes an apposition: "Lavell Lee Smith, a 33-year-old man, was shot and
        # killed"; "his friend, 63-year-old Daniel Caron, was killed"
        predicate = _PREDICATE.match(sentence, last.end + 1)
    if predicate is None or _HYPOTHETICAL.search(sentence, group[0].start):
        return None
    verb = next(predicate.start(kind) for kind in ("death", "injury", "hit") if predicate[kind])
    passive = _PASSIVE.search(sentence, last.end, verb)
    transitive = _TRANSITIVE.match(sentence, verb)
    acted_on = max(predicate.end(), transitive.end()) if transitive else 0
    if not passive and transitive and _OBJECT.match(sentence, acted_on) and not _FATED_COUNT.match(sentence, acted_on):
        return None  # "a 16-year-old shot a friend", "Walker fatally stabbed Lockwood": who did it
    total = _sum(group)
    if predicate["death"]:
        # "Hundreds were killed or wounded": people hit, their fates not told apart (a zero of
        # both is read as such, ``_ZERO_OF_BOTH``)
        if _AMONG.search(predicate.group()):  # "Two Britons were among the dead": some of them
            total = Count(total.value, total.low, None, "at least")
        return (VICTIMS if _OR_HURT.match(sentence, predicate.end()) and not last.zero else KILLED), total
    if predicate["injury"]:
        # "a man injured in a shooting has died"; "a boy who was critically wounded on Friday
        # died on Saturday" (a relative clause's passive, then the sentence's own verb)
        relative = _RELATIVE.match(sentence, last.end)
        died_there = _DIED_THERE.match(sentence, predicate.end())
        if (not passive or relative or died_there) and (
                since := _died_since(group, sentence, predicate.end())) is not None:
            return since, total
        if predicate["transport"]:
            if _found_at_the_scene(group, sentence) and not _CONDITION_TOLD.search(sentence, predicate.end()):
                # "they located four adult gunshot victims who were transported to a local
                # hospital ... the fourth victim, Williams, ... was pronounced dead": the people
                # found and taken to a hospital, their condition untold, are the hit, who may die
                # there, not the hurt who lived ("... for treatment of non-life threatening
                # injuries" are)
                return VICTIMS, total
            # "two were taken to Mercy Hospital and one was treated at the scene": the hurt
            # taken to a hospital are some of the hurt, at least so many
            total = Count(total.value, total.low, None, total.qualifier)
        # "A second child was injured": the running count of victims, the dead among them.
        return (VICTIMS if last.cumulative else INJURED), total
    return (_died_since(group, sentence, predicate.end()) or VICTIMS), total


def _found_at_the_scene(group: list[_Phrase], sentence: str) -> bool:
    """Whether the subject is the people found at the scene ("they located four adult gunshot
    victims who were ..."): everyone hit, the dead among them. Not some of them ("found three
    of the victims"), nor others beside the dead told before ("found three other victims")."""
    last = group[-1]
    return (len(group) == 1 and not last.others
            and bool(_FOUND_BEFORE.search(sentence, max(0, group[0].start - _FOUND_REACH), group[0].start))
            and not _OF_THE_CASUALTIES.search(sentence, last.start, last.end))


def _died_since(group: list[_Phrase], sentence: str, predicate_end: int) -> str | None:
    """What the people the subject, or an act's object, counts as hurt or hit are, if some died
    since: all of them ("a man injured in a November 2 shooting has died"), or the dead among
    them ("one of four women wounded has died", "five wounded were rushed to hospitals, where
    three died", "injuring six people, one of them a police officer who later died")."""
    rest = _clause(sentence, predicate_end)
    death = _LATER_DEATH.search(rest)
    if death is None and _RELATIVE.match(sentence, group[-1].end):
        # the relative clause may run on past a clause's break to the sentence's own verb: "a
        # toddler who was critically injured after shooting himself in the face has died"
        rest = sentence[predicate_end: predicate_end + _RELATIVE_REACH]
        death = _HAS_DIED.search(rest)
        if death is not None and _HARD_BREAK.search(rest, 0, death.start()):
            death = None
    if death is None or _ANOTHER_PERSON.search(rest, 0, death.start()):
        return None  # "a 56-year-old who had been shot in the leg and a child who had died"
    some = (_PARTITIVE_BEFORE.search(sentence, max(0, group[0].start - 20), group[0].start)
            or _some_died(rest, death.start()))
    return VICTIMS if some else KILLED


def _some_died(rest: str, death_start: int) -> bool:
    """Whether a death after a subject's hurt is told of some of them: "one of whom died",
    "and one died" (a count of its own is its own figure)."""
    return bool(_SOME_OF_THEM.search(rest, 0, death_start) or _COUNT_BEFORE.search(rest, 0, death_start))


def _as_named(group: list[_Phrase]) -> tuple[str, Count] | None:
    """A phrase that says itself what befell its people: "a double homicide"."""
    if len(group) == 1 and group[0].kind is not None:
        return group[0].kind, group[0].count
    return None


# A headline's present tense ("Gunmen kill 12") is the verb's bare form, as are a plan, a
# threat and a fear ("plotted to kill 12", "could kill 10"), which tell of no casualty.
_BARE_VERBS = frozenset({"kill", "murder", "wound", "injure"})
_IRREALIS = re.compile(
    r"\b(?:to|could|would|can|cannot|will|may|might|must|should|shall|did|does|do|not|never|n['’]t|['’]ll)"
    r"\s+(?:[a-z]+ly\s+)?$", re.I)


# What might have been, and was not: "the man could have killed dozens of people".
_COUNTERFACTUAL = re.compile(r"\b(?:could|would|might)\s+have\s+$", re.I)


def _as_object(group: list[_Phrase], sentence: str) -> tuple[str, Count] | None:
    before = sentence[: group[0].start][-40:]
    total = _sum(group)
    if _RECOVERED.search(before) and _BODY.search(sentence, group[0].start, group[-1].end):
        return KILLED, total  # "rescuers pulled 15 bodies from the rubble"
    if (act := _ACT.search(before)) is not None:
        if (act["kill"] or act["wound"]) and _FATE_AFTER.match(sentence, group[-1].end):
            return None  # "1 killed 3 injured": the count after the verb has a fate of its own
        verb = (act["kill"] or act["wound"] or "").lower()
        if (verb in _BARE_VERBS and _IRREALIS.search(before, 0, act.start())) or _COUNTERFACTUAL.search(
                before, 0, act.start()):
            return None  # "plotted to kill 12 officers", "storms could kill 10", "could have killed dozens"
        if act["kill"]:
            # "bullets that nearly killed his father-in-law": he lived, wounded
            nearly = _NEARLY.search(before, 0, act.start())
            return (INJURED if nearly else KILLED), total
        if act["wound"] or act["shot_wound"]:
            return _died_since(group, sentence, group[-1].end) or INJURED, total
        state = _LEFT_STATE.match(sentence, group[-1].end)  # "shot his daughter dead"
        if act["shoot"]:
            return (KILLED if state is not None and state["death"] else VICTIMS), total
        if state is not None:
            return (KILLED if state["death"] else INJURED), total
        return None
    if (of := _OF.search(before)) is not None:
        return (KILLED if of["death"] else INJURED if of["wounding"] else VICTIMS), total
    # A toll's subject may name the whole attack: "The death toll from a Russian missile strike
    # on an apartment block in Dnipro rose to 30".
    if toll := _TOLL.search(sentence[: group[0].start][-_TOLL_REACH:]):
        told = toll.group().lower()
        if toll["beyond"]:  # "the number of people killed has passed 5,000"
            total = Count(total.value, total.value + 1, None, "more than")
        return (INJURED if "injur" in told or "wound" in told or "hurt" in told else KILLED), total
    return None


# Every figure needs one of these words; most sentences have none and are skipped at once.
_CASUALTY_HINT = CaseBlind(
    r"kill|dead|die|death|slain|slay|homicide|murder|execut|fatal|mortal|perish|lives|own\s+life|the\s+life\s+of|succumb|shot|shoot"
    r"|struck|graz|victim|gunned|guns\s+down|drown"
    r"|hit|wound|injur|hurt|hospital|graze|stabb|condition|critical|paraly|bod(?:y|ies)"
    r"|gunshot|treated|toll|casualt|buried",
)


# People told of as also hit are some of a toll told elsewhere ("Prather also fatally shot two
# of his children"): their count is a lower bound of it, not the whole.
_ALSO = re.compile(r"\balso\b", re.I)
_ALSO_REACH = 25


def _also_died(sentence: str, subject_end: int) -> bool:
    """Whether the subject ending at ``subject_end`` is told as also dead: "German Booker, a
    customer at the shop, was also killed" ("Jaden's death also sparked an outpouring" tells
    of something else that the death did too)."""
    told = _PREDICATE.match(sentence, subject_end)
    return told is not None and bool(told["death"]) and bool(_ALSO.search(told.group()))


# The shooter's own death, beyond the count of victims: "killing 2, then himself"; at the end
# of a list of the people killed: "kills 7-year-old daughter, himself".
_SELF_KILLED = gated(re.compile(
    r"\b(?:kill(?:ing|ed|s)|then|fatally\s+sho(?:t|ots?|oting)|before\s+(?:killing|shooting|turning\s+the\s+gun\s+on)"
    r"|turn(?:ing|ed|s)\s+the\s+gun\s+on)\s+(?:(?:him|her)self|self)\b"  # a headline's "kills self"
    r"|(?P<listed>,\s+(?:and\s+)?(?:(?:him|her)self|self)\b)",
    re.I,
))
# Someone who shot himself, told of at a length or by a word the victim phrases do not read ("A
# juvenile attempting to hide a gun while sitting in the trunk of an SUV shot himself"; "He shot
# himself in the hand"): one person hit, when the sentence counts no one else.
_SELF_SHOT = gated(re.compile(r"(?<!fatally\s)\b(?:shot|shoots|shooting)\s+(?:(?:him|her)self|self)\b", re.I))
_AND_ANOTHER = re.compile(
    rf"\s+and\s+(?:(?:his|her|a)\s+)?(?:[\w-]+\s+)?(?:{_SINGLE})\b"
    r"(?=\s*(?:[,.;]|$|(?:while|in|with|at|on|during|after|before|inside|outside)\b))", re.I)
# "The weapon discharged and shot him in the thigh": one person hit, where the story has
# counted no one before (else he is one of those counted).
_SHOT_IN_THE_BODY = gated(re.compile(
    r"\b(?:shot|shooting|struck|striking|hit|hitting|wounded|wounding)\s+(?:him|her)\s+(?:once\s+|twice\s+)?"
    r"in\s+(?:the|his|her)\s+(?:(?:left|right|upper|lower)\s+)?"
    r"(?:head|face|neck|chest|back|arm|leg|thigh|hand|foot|shoulder|abdomen|stomach|torso|buttocks?"
    r"|hip|knee|side|groin|wrist|ankle|calf|jaw|eye|elbow)\b", re.I))
# ... but "he", "the boy" and "his son" were counted where the story first told of them.
_COUNTED_BEFORE = re.compile(
    r"\b(?:he|she|who|the\s+[\w-]+|his\s+[\w'’-]+|her\s+[\w'’-]+)(?:\s+(?:then|later|also|had|has|\w+ly))*\s+$", re.I)
_COUNTED_REACH = 40
_KILLING_BEFORE = re.compile(r"\bkill(?:s|ed|ing)\b[^.;:]*$", re.I)
# A count that holds the shooter: "5 dead, including gunman".
_SHOOTER_INCLUDED = re.compile(r"\bincluding\s+(?:the\s+)?(?:gunman|shooter|suspect|attacker|killer)\b", re.I)


def figures(sentence: str, counted_before: bool = True) -> list[Figure]:
    """Every casualty figure in the sentence, in order of appearance. ``counted_before``: a
    definite victim ("the victim", "the man") is one the story counted before; in a story that
    counted no one it is the first told of ("the victim told police he was shot in the leg")."""
    if not _CASUALTY_HINT.search(sentence):
        return []
    found: list[Figure] = []
    dead_subjects: list[int] = []  # where the subjects told dead end
    for group in _own_subjects(_coordinated(_phrases(sentence), sentence), sentence):
        if _WOULD_BE.search(sentence, max(0, group[0].start - 40), group[0].start):
            continue
        reading = _as_named(group) or _as_object(group, sentence)
        if reading is None and (reading := _as_subject(group, sentence)) is not None and reading[0] == KILLED:
            dead_subjects.append(group[-1].end)
        if reading is None and found and _GAPPED.match(sentence, group[-1].end) and _AND_BEFORE.search(
                sentence, max(0, group[0].start - 8), group[0].start):
            # the verb left out after "and": "Two people were killed in Kharkiv and three in Sumy"
            reading = found[-1].kind, _sum(group)
        if reading is None:
            continue
        kind, total = reading
        last = group[-1]
        beyond_those_told = False
        if len(group) == 1 and last.cumulative and not last.definite and found and all(
                f.high is not None for f in found):
            # "killing two and injuring a third": the third is one more than the two told before
            # (after "a second victim", "a third" is the running count still)
            beyond = total.value - sum(f.value for f in found)
            if beyond > 0:
                total, beyond_those_told = Count(beyond, beyond, beyond, None), True
                told = _PREDICATE.match(sentence, last.end)
                if kind == VICTIMS and told is not None and told["injury"]:
                    kind = INJURED  # "two were killed and a third was wounded"
        if kind != KILLED and _OF_THE_CASUALTIES.match(sentence, last.end) and not _ALL.search(
                sentence, max(0, group[0].start - 5), group[0].start):
            continue  # "56 of the injured were in serious condition": some of those counted
        also = bool(_ALSO.search(sentence, max(0, group[0].start - _ALSO_REACH), last.end + _ALSO_REACH))
        if also:
            total = Count(total.value, total.low, None, total.qualifier)  # a part: at least so many
            if kind == VICTIMS and not last.cumulative:
                kind = INJURED  # hit beside the dead told before, and not told dead themselves
        already_counted = counted_before and group[0].definite and not (group[0].pronoun and len(group) > 1)
        if already_counted and kind != KILLED:
            continue  # people counted before, hurt: nothing new
        if kind == KILLED and len(group) == 1 and group[0].pronoun and found and found[-1].value == 1:
            # "one man was rushed to a hospital, where he was pronounced dead": the one just
            # counted, now dead, not one more; beside the dead told before, one of their own
            # fate, so one more than they ("three died at the scene and one was taken to a
            # hospital, where she died")
            found[-1] = replace(found[-1], kind=KILLED, others=found[-1].others or any(
                figure.kind == KILLED for figure in found[:-1]))
            continue
        if last.zero and kind == VICTIMS:
            kind = INJURED
        if (told := _PREDICATE.match(sentence, last.end)) is not None and _DOUBTED.search(told.group()):
            total = Count(total.value, None, total.high, total.qualifier)  # "may have been killed": none sure
        found.append(Figure(kind, total.value, total.low, total.high, total.qualifier,
                            group[0].start, last.end,
                            individual=all(phrase.individual for phrase in group),
                            others=group[-1].others or beyond_those_told,
                            also=also and _also_died(sentence, last.end)))
        if last.zero and (other := _ZERO_OF_BOTH.match(sentence, last.end)) is not None:
            # "no one was killed or injured": none of either
            found.append(Figure(INJURED if other["killed"] else KILLED, 0, 0, 0, None, group[0].start, last.end))
    found += _raised(sentence, found) + _lives_taken(sentence) + _none_reported(sentence, found)
    if not found and (shot := _SELF_SHOT.search(sentence)) is not None and not _COUNTED_BEFORE.search(
            sentence, max(0, shot.start() - _COUNTED_REACH), shot.start()):
        end, hit = shot.end(), 1
        if (and_another := _AND_ANOTHER.match(sentence, end)) is not None:
            end, hit = and_another.end(), 2  # "shot himself and son, 10, while cleaning gun"
        found.append(Figure(VICTIMS, hit, hit, hit, None, shot.start(), end, individual=True))
    if not found and not counted_before and (hit := _SHOT_IN_THE_BODY.search(sentence)) is not None:
        found.append(Figure(VICTIMS, 1, 1, 1, None, hit.start(), hit.end(), individual=True))
    # Few sentences tell of a "himself": looked for before the count that holds the shooter.
    if (self_killed := list(_SELF_KILLED.finditer(sentence))) and not _SHOOTER_INCLUDED.search(sentence):
        found += [Figure(KILLED, 1, 1, 1, None, m.start(), m.end(), others=True, own_death=True)
                  for m in self_killed if not _own_death(sentence, dead_subjects, m.start())
                  and (not m["listed"] or _KILLING_BEFORE.search(sentence, 0, m.start()))]
    return _told_once(sorted(found, key=lambda figure: figure.start), sentence)


_AND = re.compile(r"\band\b")
# A count with its verb left out, where it happened after it: "... and three in Sumy", "and two
# more in the Dnipropetrovsk region".
_GAPPED = re.compile(
    r"(?:\s+more)?\s+(?:in|at|near|outside)\s+(?:the\s+)?(?:nearby\s+)?(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}"
    r"(?:\s+(?:region|province|district|state|county|oblast|village|area))?(?=\s*(?:[,;.)]|$|\s+(?:on|in|at|and|during)\b))",
    re.I)
_AND_BEFORE = re.compile(r"\band\s+$", re.I)
# A verb after a count, which makes it the subject of a clause of its own.
_OWN_VERB = re.compile(r"\s+(?:are|were|was|is|remain(?:s|ed)?|have|has|had)\b", re.I)


def _own_subjects(groups: list[list[_Phrase]], sentence: str) -> list[list[_Phrase]]:
    """An act's objects end where the last, after "and", is the subject of a verb of its own:
    "killing at least 40 people, and 75 people were wounded" are 40 dead and 75 wounded, not
    115 dead; in "killed at least 29 people, and 60 are missing" the missing are none of the
    dead (but in a headline's "wounded an 8-year-old, 2 others has neighborhood on edge" the
    verb is the headline's)."""
    split = []
    for group in groups:
        last = group[-1]
        if (len(group) > 1 and _OWN_VERB.match(sentence, last.end)
                and _AND.search(sentence, group[-2].end, last.start)
                and _ACT.search(sentence[: group[0].start][-40:])):
            split += [group[:-1], [last]]
        else:
            split.append(group)
    return split


# A count told with its doubt ("up to 20 people may have been killed", "12 are feared dead")
# claims no one for sure.
_DOUBTED = re.compile(r"\b(?:(?:may|might|could)\s+have|feared)\b", re.I)


# A zero told of both fates: "no one was killed or injured", "nobody was hurt or killed".
_ZERO_OF_BOTH = re.compile(_AUXILIARY + r"\s+(?:(?P<killed>killed|dead)\s+or\s+(?:injured|wounded|hurt)"
                           r"|(?:injured|wounded|hurt)\s+or\s+killed)\b", re.I)
_ARTICLE = re.compile(r"(?:an?|one)\s+", re.I)


def _told_once(found: list[Figure], sentence: str) -> list[Figure]:
    """A person told bare and then again with an article is one: a headline glued to its lede
    ("Boy fatally shot in Hampton A boy was fatally shot in Hampton Thursday")."""
    bare = {(f.kind, sentence[f.start:f.end].lower()) for f in found if f.individual}
    kept = []
    for figure in found:
        told = sentence[figure.start:figure.end]
        article = _ARTICLE.match(told)
        if figure.individual and article and (figure.kind, told[article.end():].lower()) in bare:
            continue
        kept.append(figure)
    return kept


# "The storm has claimed at least 33 lives", "a blast that cost 12 lives": the dead, counted by
# their lives.
_LIVES_TAKEN = gated(re.compile(
    rf"\b(?:claim(?:ed|s|ing)?|cost(?:s|ing)?|t(?:ook|akes|aking))\s+(?P<qualifier>(?:{BOUND_WORDS})\s+)?"
    rf"(?P<number>{NUMBER})\s+(?:more\s+|other\s+|innocent\s+|civilian\s+|human\s+)?lives\b",
    re.I,
))


def _lives_taken(sentence: str) -> list[Figure]:
    taken = []
    for match in _LIVES_TAKEN.finditer(sentence):
        qualifier = qualifier_before(match["qualifier"]) if match["qualifier"] else None
        if (lives := count(match["number"], qualifier)) is not None:
            taken.append(Figure(KILLED, lives.value, lives.low, lives.high, lives.qualifier,
                                match.start("number"), match.end()))
    return taken


# A report of no harm at all is an explicit zero, as "no one was hurt" is: "no injuries were
# reported", "there were no casualties", "there were no immediate reports of casualties",
# "causing damage but no injuries". Not "no other injuries", "no serious injuries", "no
# fatalities on the ground", "no deaths among the crew" (some of those told, or beside them),
# nor "no figure for casualties" (a toll not given).
_NONE_REPORTED = gated(re.compile(
    r"\b(?:there\s+(?:were|was|have\s+been|had\s+been)\s+no\s+(?:immediate\s+)?(?:reports?\s+of\s+)?"
    r"|no\s+(?:immediate\s+)?reports?\s+of\s+|(?:caused|causing|left|leaving)\s+(?:damage\s+but\s+)?no\s+"
    r"|(?P<subject>no\s+))"
    r"(?P<harm>casualties|injuries|deaths|fatalities)(?:\s+or\s+(?P<or_harm>casualties|injuries|deaths|fatalities|damage))?"
    r"(?(subject)\s+(?:were|was|have\s+been|had\s+been)\s+(?:immediately\s+)?reported)\b"
    r"(?!\s+(?:on\s+the\s+ground|among)\b)",
    re.I,
))
_ZERO_OF = {"casualties": (KILLED, INJURED), "injuries": (INJURED,), "deaths": (KILLED,), "fatalities": (KILLED,),
            "damage": ()}


def _none_reported(sentence: str, found: list[Figure]) -> list[Figure]:
    """The zeros a report of no harm tells, of the kinds the sentence does not count otherwise
    ("killing two; there were no reports of injuries" is two dead and none hurt)."""
    zeros = []
    for match in _NONE_REPORTED.finditer(sentence):
        kinds = _ZERO_OF[match["harm"].lower()] + (_ZERO_OF[match["or_harm"].lower()] if match["or_harm"] else ())
        counted = {f.kind for f in found} | {f.kind for f in zeros}
        zeros += [Figure(kind, 0, 0, 0, None, match.start(), match.end())
                  for kind in dict.fromkeys(kinds) if kind not in counted]
    return zeros


# A figure the sentence itself revises: "four were injured; that number was later raised to
# five", "police initially said six had been killed but later revised the figure to five".
_REVISED = r"raised|rose|risen|climbed|increased|grew|revised(?:\s+(?:up|upward|down|downward))?|corrected|lowered|reduced"
_RAISED_TO = gated(re.compile(
    rf"\b(?:(?:number|toll|count|total|figure)\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:later\s+|since\s+)?"
    rf"(?:{_REVISED})|(?:{_REVISED})\s+(?:the|that|its|their)\s+(?:figure|number|toll|count|total|tally))"
    rf"\s+to\s+(?P<number>{NUMBER})\b",
    re.I,
))


def _raised(sentence: str, found: list[Figure]) -> list[Figure]:
    """The revised figures, each of the kind of the figure before it: none in a sentence that
    tells no figure, which is not searched."""
    raised = []
    for match in _RAISED_TO.finditer(sentence) if found else ():
        before = [f for f in found if f.end <= match.start()]
        value = number_value(match["number"])
        if before and value is not None:
            raised.append(Figure(before[-1].kind, value, value, value, None, match.start("number"), match.end(),
                                 revised=True))
    return raised


# What parts a subject from a later verb that is another's: "four were killed, then the
# gunman killed himself"; "she was killed by her son, who then killed himself".
_ANOTHER_CLAUSE = re.compile(r"[,;:—–]|\b(?:who|then|before|after|by)\b", re.I)
# ... but not a relative clause on the subject itself: "the boy who fatally shot himself".
_SUBJECTS_OWN_CLAUSE = re.compile(r"\s+(?:who|that)\s+(?:[\w-]+\s+){0,2}", re.I)


def _own_death(sentence: str, dead_subjects: list[int], at: int) -> bool:
    """Whether the death of a "himself" at ``at`` is that of a subject already told dead: "a
    teen accidentally shot and killed himself" is one death, and so is "a 10-year-old who
    fatally shot himself"."""
    return any(end <= at and (not _ANOTHER_CLAUSE.search(sentence, end, at)
                              or _SUBJECTS_OWN_CLAUSE.fullmatch(sentence, end, at))
               for end in dead_subjects)


# The words that open a clause before its subject, which are no one's name: "Although McLees
# died during the altercation".
_CLAUSE_OPENER = re.compile(r"(?:(?:although|though|while|when|after|because|but|and|then|meanwhile|however)\s+)?",
                            re.I)
_A_NAME = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}\.?){{0,3}}")
_PRONOUN = re.compile(r"(?:he|she)$", re.I)
# A sentence's subject told by name, then its verb: "Edward suffered gunshot wounds ... where he
# was pronounced dead".
_NAMED_SUBJECT = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}(?=,|\s+[a-z])")
_NOT_A_NAME_WORD = re.compile(rf"(?:{_NOT_A_NAME}|the|a|an|his|her|their|one)$", re.I)


def dead_named(sentence: str, found: list[Figure]) -> frozenset[str]:
    """The name's words of the one person a sentence tells dead, if it tells the person by name
    alone: "Gomez later died from his injuries" is {"Gomez"}; "Edward suffered gunshot wounds
    ... where he was pronounced dead", {"Edward"} (the subject "he" stands for). None where the
    sentence tells more dead than one, or none by name ("the victim died", "A Florida City teen
    was killed")."""
    dead = [f for f in found if f.kind == KILLED]
    if len(dead) != 1 or dead[0].value != 1 or dead[0].others:
        return frozenset()
    span = sentence[dead[0].start: dead[0].end]
    if _PRONOUN.match(span):
        subject = _NAMED_SUBJECT.match(sentence)
        span = subject.group() if subject else ""
    span = span[_CLAUSE_OPENER.match(span).end():]
    words = span.replace(".", "").split()
    if not _A_NAME.fullmatch(span) or any(_NOT_A_NAME_WORD.match(word) for word in words):
        return frozenset()
    return frozenset(words)


# Some of the people told hurt before, dead since: "One of the victims has since died", "one of
# them died at the hospital".
_SOME_OF_THE_HURT = re.compile(r"\w+\s+of\s+(?:them|those|these|the\s+(?:[\w-]+\s+)?(?:victims|wounded|injured|hurt))\b",
                               re.I)


def some_of_those_hurt_died(sentence: str, found: list[Figure]) -> bool:
    """Whether the sentence tells dead some of the people a count told before: "Three people were
    wounded ... One of the victims has since died" (1 dead, 2 hurt)."""
    return any(f.kind == KILLED and _SOME_OF_THE_HURT.fullmatch(sentence, f.start, f.end) for f in found)
