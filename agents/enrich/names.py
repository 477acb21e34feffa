"""The keys place names are indexed and looked up by."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTE_FOLD = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "ʹ": "'"})
# Letters of their own that Unicode gives no base letter, which English copy writes plain:
# "Dong Nai" (Đồng Nai), "Lodz" (Łódź), "Diyarbakir" (Diyarbakır).
_LETTER_FOLD = str.maketrans({"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "ı": "i",
                              "Ħ": "H", "ħ": "h", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe"})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Case endings of Ukrainian and Russian nouns and adjectives, folded (й is и), longest first: "у Харкові",
# "в Киеве", "по Запоріжжю", "у Степовому" name Харків, Киев, Запоріжжя and Степове.
_SLAVIC_ENDING = re.compile(
    r"(?:ому|ого|ими|ами|ями|іи|ии|ои|еи|ая|яя|ое|ее|ые|ие|ую|юю|ом|ем|ою|ею|ам|ям|ах|ях|ых|их"
    r"|[аеиіоуюяыьй])$"
)
_VOWELS = "аеиіоуюяыэє"
# Countries that write their place names in Cyrillic, whose names English copy romanises.
CYRILLIC_COUNTRIES = frozenset({"UA", "RU", "BY", "BG", "RS", "MK", "KZ", "KG", "MN", "TJ", "ME"})


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The key a name is indexed under: no diacritics, lower case, one kind of apostrophe."""
    text = name.translate(_QUOTE_FOLD)
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_LETTER_FOLD)))
    return " ".join(text.casefold().replace(".", "").split())


def is_cyrillic(name: str) -> bool:
    return bool(_CYRILLIC.search(name))


@lru_cache(maxsize=65536)
def slavic_key(name: str) -> str:
    """One key for every case form of a Cyrillic place name: the folded name less its case
    ending, with the vowel of its last syllable left open, since Ukrainian alternates it
    (Харків, Харкова, Харкові; Київ, Києва)."""
    words = fold(name).split(" ")
    keyed = []
    for word in words:
        stem = _SLAVIC_ENDING.sub("", word) if len(word) > 3 else word
        last = max(stem.rfind(vowel) for vowel in _VOWELS)
        keyed.append(stem[:last] + "*" + stem[last + 1:] if last > 0 else stem)
    return "~" + " ".join(keyed)


_TRANSLIT = (("'", ""), ("kh", "h"), ("zh", "z"), ("y", "i"), ("j", "i"), ("w", "v"))
_REPEATS = re.compile(r"(.)\1+")
# A final "h" after a vowel is silent in romanised Arabic and Persian: "Sa'dah" and "Saada".
_SILENT_H = re.compile(r"(?<=[aeiou])h\b")


@lru_cache(maxsize=65536)
def romanised_key(name: str) -> str:
    """One key for the romanisations of one name: Zaporizhia and Zaporizhzhia, Chuhuiv and
    Chuhuyiv, Charkiw and Kharkiv, Saada and Sa'dah, Afgoye and Afgooye differ only in how
    they spell a sound."""
    key = _SILENT_H.sub("", fold(name))
    for spelling, sound in _TRANSLIT:
        key = key.replace(spelling, sound)
    return "%" + _REPEATS.sub(r"\1", key)
