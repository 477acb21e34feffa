"""Casualty claims in Ukrainian and Russian, read into the same figures as English ones.

Both languages state a toll in a few shapes:
- a predicate and its count, in either order: "загинули троє людей", "5 людей загинули",
  "поранено 12 осіб", "погибли три человека", "12 человек получили ранения";
- a count of the dead or wounded as a noun: "25 загиблих", "12 раненых";
- a running total: "кількість загиблих зросла до 25", "число погибших возросло до 25";
- one person: "загинула жінка", "погиб мужчина", "поранено дитину";
- nobody: "ніхто не загинув", "никто не пострадал".

Numbers are digits or number words in their case forms, collective numerals included
("троє", "трьох", "пятеро", "двоих"). The libraries on PyPI that read number words leave out
collective numerals and most oblique cases (number-parser reads "трьох" but not "пятеро" or
"двадцяти"), and casualty copy uses them all the time, so the words are a table here.
"""

from __future__ import annotations

import re

from agents.extract import attribution as tables
from agents.extract.figures import INJURED, KILLED, Figure
from agents.extract.numbers import count

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})

# Each value with its case forms (and collective numerals with theirs), Ukrainian and Russian.
_NUMBER_FORMS = {
    1: "один одна одне одно одного одної однієї одной одному одній одним одною однією одну",
    2: "два дві две двох двух двом двум двома двумя двоє двое двоїх двоих двоим",
    3: "три трьох трех трёх трьом трем трём трьома тремя троє трое троих троим",
    4: "чотири четыре чотирьох четырех четырёх чотирьом четырем чотирма четырьмя четверо четверых",
    5: "п'ять пять п'яти пяти п'ятьох п'ятьом п'ятьма пятью п'ятеро пятеро пятерых",
    6: "шість шесть шести шістьох шістьом шістьма шестью шестеро шестерых",
    7: "сім семь семи сімох сімом сімома сьома семью семеро семерых",
    8: "вісім восемь восьми вісьмох вісьмом вісьма восьма восемью восьмью восьмеро восьмерых",
    9: "дев'ять девять дев'яти девяти дев'ятьох дев'ятьом дев'ятьма девятью дев'ятеро девятеро девятерых",
    10: "десять десяти десятьох десятьом десятьма десятью десятеро десятерых",
    40: "сорок сорока",
    90: "дев'яносто девяносто дев'яноста девяноста",
    100: "сто ста",
    200: "двісті двести двохсот двухсот",
    300: "триста трьохсот трехсот",
    400: "чотириста четыреста чотирьохсот четырехсот",
    500: "п'ятсот пятьсот п'ятисот пятисот",
}
_TEENS = {11: ("одинадцят", "одиннадцат"), 12: ("дванадцят", "двенадцат"),
          13: ("тринадцят", "тринадцат"), 14: ("чотирнадцят", "четырнадцат"),
          15: ("п'ятнадцят", "пятнадцат"), 16: ("шістнадцят", "шестнадцат"),
          17: ("сімнадцят", "семнадцат"), 18: ("вісімнадцят", "восемнадцат"),
          19: ("дев'ятнадцят", "девятнадцат"), 20: ("двадцят", "двадцат"), 30: ("тридцят", "тридцат")}
_TEEN_ENDINGS = ("ь", "и", "ьох", "ьом", "ьма", "еро", "ью")
_TENS = {50: ("п'ятдесят", "пятьдесят", "пятидесят"), 60: ("шістдесят", "шестьдесят", "шестидесят"),
         70: ("сімдесят", "семьдесят", "семидесят"), 80: ("вісімдесят", "восемьдесят", "восьмидесят")}


def _number_words() -> dict[str, int]:
    words = {form: value for value, forms in _NUMBER_FORMS.items() for form in forms.split()}
    for value, stems in _TEENS.items():
        words.update({stem + ending: value for stem in stems for ending in _TEEN_ENDINGS})
    for value, stems in _TENS.items():
        words.update({stem + ending: value for stem in stems for ending in ("", "и", "ьох", "ьма", "ью")})
    return words


NUMBER_WORDS = _number_words()
# "Десятки" and "сотні" are vague counts with a floor, like English "dozens" and "hundreds".
VAGUE = {"десятки": 20, "десятків": 20, "десятков": 20, "сотні": 200, "сотни": 200, "сотень": 200}

_WORD = "|".join(sorted(map(re.escape, list(NUMBER_WORDS) + list(VAGUE)), key=len, reverse=True))
_QUALIFIERS = (
    ("at least", r"щонайменше|принаймні|не\s+менше(?:\s+ніж)?|по\s+меньшей\s+мере|не\s+менее|как\s+минимум|минимум"),
    ("more than", r"понад|більше(?:\s+ніж)?|більш\s+як|более|свыше|больше"),
    ("nearly", r"майже|почти"),
    ("about", r"близько|приблизно|около|порядка|примерно"),
    ("up to", r"до"),
    ("a further", r"ще|еще|ещё"),
)
_QUALIFIER = "|".join(f"(?P<q{i}>{pattern})" for i, (_, pattern) in enumerate(_QUALIFIERS))
_PEOPLE = (
    r"(?:(?:мирн|цивільн|місцев|мирн|гражданск|местн|українськ|российск|російськ|украинск)\w*\s+)?"
    r"(?:люд\w*|осіб|особ\w*|человек\w*|жител\w*|мешкан\w*|діт\w*|дет\w*|дитин\w*|ребен\w*"
    r"|жін\w*|женщин\w*|чолові\w*|мужчин\w*|військов\w*|военн\w*|военнослужащ\w*|цивільн\w*"
    r"|гражданск\w*|бійц\w*|бойц\w*|пасажир\w*|пассажир\w*|рятувальн\w*|спасател\w*|медик\w*"
    r"|поліцейськ\w*|полицейск\w*|правоохоронц\w*|журналіст\w*|журналист\w*|пенсіонер\w*"
    r"|пенсионер\w*|підлітк\w*|подростк\w*|громадян\w*|граждан\w*)"
)
_NUMBER = re.compile(
    # not the first part of a compound word: "62-річна жінка" (a 62-year-old), "9-поверхівка"
    rf"(?<![\w'])(?:(?:{_QUALIFIER})\s+)?(?P<number>\d+|(?:{_WORD})(?:\s+(?:{_WORD}))*)(?![\w']|[-–][^\W\d])"
    rf"(?P<people>\s+{_PEOPLE})?",
    re.I,
)
_DEATH = (r"загин\w*|загибл\w*|загибел\w*|вбит\w*|вбив\w*|вбил\w*|убит\w*|убив\w*|убил\w*"
          r"|помер\w*|померл\w*|погиб\w*|гибел\w*|скончал\w*|умер\w*|смертельно\s+поранен\w*")
_INJURY = r"(?:отрима|получи)\w*\s+(?:\w+\s+)?(?:поранен|ранен|травм)\w*|поранен\w*|поранил\w*|травм\w*|постражда\w*|ранен\w*|ранил\w*|пострада\w*|госпіталізован\w*|госпитализирован\w*"


def _predicate(tag: str = "") -> str:
    """A death or injury word, not negated ("не постраждав"), as groups death<tag>, injury<tag>."""
    return rf"(?<!не\s)(?<![\w'])(?:(?P<death{tag}>{_DEATH})|(?P<injury{tag}>{_INJURY}))"


_PREDICATE = _predicate()
# A count's predicate follows it ("троє людей загинули": a few words may come between a noun
# and its verb) or comes before it ("загинули троє людей").
_AFTER_PEOPLE = re.compile(rf"\s*(?:[—–-]\s*)?(?:\w+\s+){{0,2}}?{_PREDICATE}", re.I)
_AFTER_BARE = re.compile(rf"\s*(?:[—–-]\s*)?{_PREDICATE}", re.I)
_NEXT_WORD = re.compile(r"\s+\w", re.I)
_BEFORE = re.compile(rf"{_PREDICATE}(?:\s+\w+){{0,2}}?\s*(?:[—–-]\s*)?$", re.I)  # "Загиблих — двоє"
_TOTAL_BEFORE = re.compile(
    rf"(?:кількість|число|количество)\s+(?:(?P<death>загиблих|погибших|убитих|убитых|жертв)"
    rf"|(?P<injury>поранених|раненых|постраждалих|пострадавших))\b[^,.;:]*?\s$",
    re.I,
)
_ONE = re.compile(
    rf"{_PREDICATE}\s+(?:ще\s+|еще\s+|ещё\s+)?(?:\d+[-–]\w+\s+)?(?P<one>{_PEOPLE})"  # "загинула 62-річна жінка"
    rf"|(?<![\w'])(?P<one_first>(?:чоловік|жінка|людина|дитина|підліток|мужчина|женщина|ребенок|подросток|водій|водитель)\w*)\s+{_predicate('_after')}",
    re.I,
)
_NOBODY = re.compile(rf"(?:ніхто|никто)\s+не\s+(?:(?P<death>{_DEATH})|(?P<injury>{_INJURY}))|без\s+(?P<none>жертв)"
                     r"|(?P<no_dead>загиблих|погибших)\s+(?:немає|нема|нет)\b"
                     r"|(?:поранених|раненых|постраждалих|пострадавших)\s+(?:немає|нема|нет)\b", re.I)
_PLURAL_ONLY = re.compile(r"люд(?:ей|ям|ьми)|осіб|человек\b|жител(?:ей|ів)|діт|дет", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:.!?()]")
_WINDOW = 40


def _value(number: str) -> tuple[int, bool] | None:
    """The value of a number in digits or words, and whether it is a vague floor."""
    if number.isdigit():
        return int(number), False
    words = number.lower().split()
    if len(words) == 1 and words[0] in VAGUE:
        return VAGUE[words[0]], True
    values = [NUMBER_WORDS.get(word) for word in words]
    if None in values or any(a <= b for a, b in zip(values, values[1:])):  # type: ignore[operator]
        return None  # "два три" is no number; "двадцять три" adds up, largest first
    return sum(values), False  # type: ignore[arg-type]


def _qualifier(match: re.Match[str]) -> str | None:
    return next((name for i, (name, _) in enumerate(_QUALIFIERS) if match[f"q{i}"]), None)


def _kind(match: re.Match[str]) -> str:
    deaths = [name for name in match.re.groupindex if name.startswith("death")]
    return KILLED if any(match[name] for name in deaths) else INJURED


def _clause(text: str) -> str:
    cut = _CLAUSE_BREAK.search(text)
    return text[: cut.start()] if cut else text


def _read_count(match: re.Match[str], sentence: str) -> tuple[str, int] | None:
    """The kind of the count and where its figure ends, or None when it counts no casualty.
    A bare number followed by some other word counts something else ("24 лютого")."""
    after = _clause(sentence[match.end(): match.end() + _WINDOW])
    predicate = (_AFTER_PEOPLE if match["people"] else _AFTER_BARE).match(after)
    if predicate is not None:
        return _kind(predicate), match.end() + predicate.end()
    if not match["people"] and _NEXT_WORD.match(after):
        return None
    before = sentence[max(0, match.start() - _WINDOW * 2): match.start()]
    before = before[_last_break(before):]
    reading = _TOTAL_BEFORE.search(before) or _BEFORE.search(before)
    return (_kind(reading), match.end()) if reading is not None else None


def _last_break(text: str) -> int:
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text)]
    return breaks[-1] if breaks else 0


def _counts(sentence: str) -> list[Figure]:
    found = []
    for match in _NUMBER.finditer(sentence):
        if (value := _value(match["number"])) is None:
            continue
        reading = _read_count(match, sentence)
        if reading is None:
            continue
        kind, end = reading
        amount, vague = value
        qualifier = _qualifier(match)
        if qualifier == "up to" and _TOTAL_BEFORE.search(sentence[:match.start()][-_WINDOW * 2:]):
            qualifier = None  # "зросла до 25" is the new total, not a ceiling
        figure = count(str(amount), "at least" if vague and qualifier is None else qualifier)
        if figure is not None:
            found.append(Figure(kind, figure.value, figure.low, figure.high, figure.qualifier,
                                match.start(), end))
    return found


def figures(sentence: str) -> list[Figure]:
    """Every casualty figure in a Ukrainian or Russian sentence, in order of appearance."""
    text = sentence.translate(_APOSTROPHES)  # same length: offsets stay true
    found = _counts(text)
    taken = [(f.start, f.end) for f in found]
    for match in _ONE.finditer(text):
        person = match["one"] or match["one_first"]
        if person and not _PLURAL_ONLY.match(person) and not any(
                s <= match.start() < e or match.start() <= s < match.end() for s, e in taken):
            found.append(Figure(_kind(match), 1, 1, 1, None, match.start(), match.end()))
    for match in _NOBODY.finditer(text):
        kind = KILLED if match["death"] or match["none"] or match["no_dead"] else INJURED
        found.append(Figure(kind, 0, 0, 0, None, match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


_EVENT_TYPES = (
    ("air strike", re.compile(r"авіаудар|авиаудар|авіабомб|авиабомб|авіаці\w*\s+удар|авиаци\w*\s+удар", re.I)),
    ("missile strike", re.compile(r"ракет", re.I)),
    ("drone strike", re.compile(r"дрон|безпілотн|беспилотн|шахед", re.I)),
    ("shelling", re.compile(r"обстріл|обстрел|артилер|артиллер|мінометн|миномет|снаряд", re.I)),
    ("shooting", re.compile(r"стрілянин|стрельб|розстріл|расстрел", re.I)),
    ("bombing", re.compile(r"теракт|підрив|подрыв|смертник", re.I)),
    ("explosion", re.compile(r"вибух|взрыв", re.I)),
    ("stabbing", re.compile(r"ножов|ножем|ножом|зарізав|зарезал", re.I)),
)
_ATTRIBUTION = (
    re.compile(r"\b(?:за\s+словами|за\s+даними|по\s+словам|по\s+данным|як\s+повідоми\w*|как\s+сообщи\w*)\s+(?P<who>[^,.;]+)", re.I),
    re.compile(r"\b(?:повідоми\w*|сообщи\w*|заяви\w*|написа\w*)\s+(?P<who>[^,.;]+?)\s*[.]?\s*$", re.I),
)


def event_types(sentence: str) -> list[str]:
    """The kinds of event a Ukrainian or Russian sentence reports, named as in English."""
    return tables.event_types(sentence, _EVENT_TYPES, disasters=())


def attribution(sentence: str) -> str | None:
    """Who a Ukrainian or Russian sentence credits ("за словами мера" gives "мера")."""
    return tables.attribution(sentence, _ATTRIBUTION)



# The addition stands before the count, never opens it.
_ADDITION_BEFORE = re.compile(r"(?<!\w)(?:ще|ещё|еще|додатково|дополнительно)\s+$", re.I)


# "ще один удар", "інший обстріл", "другой обстрел": another strike than the story's.
_ANOTHER_INCIDENT = re.compile(
    r"(?<!\w)(?:ще\s+(?:один|одна|одне)|ещё\s+(?:один|одна|одно)|еще\s+(?:один|одна|одно)"
    r"|інш\w*|друг(?:ой|ая|ое|ом|ую))\s+(?:обстріл\w*|обстрел\w*|удар\w*|атак\w*|вибух\w*|взрыв\w*)", re.I)


def another_incident(sentence: str) -> bool:
    """A Ukrainian or Russian sentence about another strike than the story's."""
    return tables.another_incident(sentence, _ANOTHER_INCIDENT)


def adds(sentence: str, found: list[Figure]) -> bool:
    """A Ukrainian or Russian claim of news on top of earlier news ("ще четверо загинули")."""
    return tables.adds(sentence, found, None, _ADDITION_BEFORE)


# "кількість загиблих зросла до 30", "число погибших возросло до 30": a later count.
_TOLL_RISE = re.compile(
    r"(?<!\w)(?:зросл[аои]|збільшил(?:ася|ось|ися)|возросл[аои]|выросл[аои]|увеличил(?:ась|ось|ись))\s+до(?!\w)", re.I)


def updates(sentence: str) -> bool:
    """A Ukrainian or Russian claim that a toll rose to its figure."""
    return tables.updates(sentence, _TOLL_RISE)

