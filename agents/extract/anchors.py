"""What ties articles to one incident:
- the street it happened on, and the people named with their ages ("Terrell Skinner, 26");
- for syndicated copy with small edits, locality-sensitive hashes of the text: MinHash over
  word 5-shingles, cut into bands, so two copies sharing most of their wording share a band.

Two outlets rarely share any of these by chance.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from agents.enrich.gazetteer import fold
from agents.extract.people import FUNCTION_WORDS

# A street's kind is left out of its anchor: outlets call one street "Pike Street" and
# "Pike Avenue", and a city rarely sees shootings on two streets of one name in a month.
_SUFFIXES = ("street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "blvd", "lane",
             "ln", "way", "court", "ct", "place", "parkway", "pkwy", "highway", "hwy", "terrace",
             "circle")
# Both patterns open with the capital itself, its word boundary checked just after it
# ("(?<!\w[A-Z])" is "\b" before it): a pattern that opens with a letter class lets the regex
# engine skip from capital to capital instead of trying every position. Their runs of letters
# are possessive: white space or a comma follows them, never a letter given back (1.5x).
_STREET = re.compile(
    r"(?P<name>[A-Z](?<!\w[A-Z])[a-z]++(?:\s+[A-Z][a-z]++){0,2})\s+(?:"
    + "|".join(sorted({k.capitalize() for k in _SUFFIXES}, key=len, reverse=True))
    + r")\b\.?"
)
# The place it happened at, by its own name: "Mill Creek Playground", "the Blue Fox Tavern",
# "Ridgeview Community Center". A hospital or a police station is where every incident's
# people go, and a park's name is often a neighbourhood's: neither is one.
_VENUE = re.compile(
    r"(?P<name>[A-Z](?<!\w[A-Z])[\w'’]*(?:\s+[A-Z][\w'’]*){0,2})\s+(?P<kind>Playground|Lanes|Tavern|Bar"
    r"|Club|Lounge|Nightclub|Inn|Hotel|Motel|Apartments|Church|Mall|Restaurant|Grill|Cafe|Store"
    r"|Market|Industries|Plaza|Community\s+Center|Recreation\s+Center|Banquet\s+Hall|Barbershop"
    r"|Barber\s+Shop|Gas\s+Station)\b"
    # "Hamilton Church Road", "Market Street": a street's name.
    r"(?!\s+(?:" + "|".join(suffix.capitalize() for suffix in _SUFFIXES) + r")\b)")
_NAME = r"(?P<name>[A-Z](?<!\w[A-Z])[a-z]++(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]++){1,2})"
# "Spenson Bennett Jr., 13,": the age follows the generation.
_NAMED_PERSON = re.compile(_NAME + r"(?:,?\s+[JS]r\.?)?,\s+\d{1,3},")
# An age as copy writes it: "14-year-old", "14 year-old", "14 year old". It opens with its first
# digit, the word boundary before it checked just after it (as _BLOCK does, below).
_AGE = r"\d(?<!\w\d)\d{0,2}[\s-]year[\s-]old"
# The age is as often written before the name: "14-year-old Dion Albert Marsh". Not a place
# or a school the person is of ("a 16-year-old Lake Forest boy", "a Grant High School student").
_AGED_PERSON = re.compile(
    _AGE + r"\s+" + _NAME
    + r"(?!['’]?s?\s+(?:man|woman|boy|girl|teen|teenager|student|resident|native|youth|child)\b)")
# The people a story is about are also named by their part in it, age or none: "identified the
# victim as Orrin Lee Tabb", "gunman Ray Pim", "the suspect, Cole Varney", "the slain boy, Eli
# Ward". Police spokesmen and officials, named in many stories, are introduced otherwise.
_PERSON_IN_A_ROLE = re.compile(
    r"\b(?:identified\s+(?:(?:him|her|them|the\s+\w+)\s+)?as|victims?,?|suspect,?|shooter,?|gunman,?"
    r"|(?:death|killing|murder|slaying|shooting)s?\s+of|arrested|charged|booked|indicted"
    r"|(?:slain|wounded|injured|dead)\s+(?:boy|girl|man|woman|teen|teenager|child|toddler),)"
    r"\s+(?:" + _AGE + r"\s+)?" + _NAME)
_NOT_A_PERSONS_WORD = frozenset(("county", "high", "school", "middle", "elementary", "university",
                                 "college", "academy", "city"))
# "Luis Ortega Jr", "Mia Fenn's": the person is Luis Ortega, Mia Fenn.
_SUFFIX = re.compile(r"['’]s$")
_GENERATION = frozenset(("jr", "sr"))
# _BLOCK and _CHILD_AGE open with their number's first digit and check the word boundary
# before it just after it, as "\b\d" would before it: the engine skips from digit to digit
# instead of trying every position (2.2x and 2.3x over gva-dev and acled-dev).
_BLOCK = re.compile(r"\d(?<!\w\d)\d*\s+block\s+of\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+)?"
                    r"(?P<street>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})")
_MAX_ANCHORS = 12
# "East Pike Street" is what another outlet calls Pike Street.
_COMPASS = re.compile(r"^(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+")
# A young child's age: a city rarely sees two shootings of a child of one age in a month.
_CHILD_AGE = re.compile(r"(?P<age>\d(?<!\w\d)\d?)[\s-]year[\s-]old\b")
_YOUNGEST_AGE_TOLD_APART = 12
# 6 bands of 6 rows: copies with Jaccard similarity 0.8 share a band 84% of the time, 0.5 9%,
# 0.3 0.4%.
_BANDS, _ROWS = 6, 6
_SHINGLE = 5
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The permutations of datasketch's MinHash (seed 1, its "affine32" scheme)."""
    multipliers, offsets = MinHash(num_perm=_BANDS * _ROWS).permutations
    return multipliers, offsets


# A shingle's hash is a polynomial hash of its bytes modulo 2**64, read off one running sum
# over the whole text: sum(b[k] * P**(e-1-k)) = P**(e-1) * sum(b[k] * Q**k) with Q = 1/P, which
# numpy computes for every shingle at once (SHA-1 of each shingle took a Python call apiece).
# P is odd, so it has an inverse modulo 2**64; numpy's uint64 arithmetic wraps modulo 2**64.
_BASE = 0x100000001B3  # the 64-bit FNV prime
_BASE_INVERSE = pow(_BASE, -1, 1 << 64)
_powers: list[np.ndarray] = []


def _powers_up_to(length: int) -> tuple[np.ndarray, np.ndarray]:
    """P**k and Q**k for k below ``length`` (at least), kept and grown as texts need."""
    if not _powers or len(_powers[0]) < length:
        size = max(length, 2 * len(_powers[0]) if _powers else 1 << 14)
        _powers[:] = [_geometric(base, size) for base in (_BASE, _BASE_INVERSE)]
    return _powers[0], _powers[1]


def _geometric(base: int, size: int) -> np.ndarray:
    """1, base, base**2, ... modulo 2**64."""
    powers = np.full(size, base, dtype=np.uint64)
    powers[0] = 1
    return np.cumprod(powers, dtype=np.uint64)


def _mix64(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer: every bit of a polynomial hash reaches the low 32."""
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xFF51AFD7ED558CCD)
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xC4CEB9FE1A85EC53)
    return values ^ (values >> np.uint64(33))


def _shingle_hashes(text: str) -> np.ndarray:
    """A 32-bit hash of each of the text's word 5-shingles (casefolded, words joined by one
    space, as UTF-8)."""
    if text.isascii():  # casefolding ASCII is lowering it, and leaves its words where they were
        words = _WORD.findall(text.lower())
    else:
        words = [word.casefold() for word in _WORD.findall(text)]
    if len(words) < _SHINGLE:
        return np.empty(0, dtype=np.uint32)
    joined = np.frombuffer(" ".join(words).encode("utf-8"), dtype=np.uint8)
    forward, backward = _powers_up_to(len(joined))
    running = np.zeros(len(joined) + 1, dtype=np.uint64)
    np.cumsum(joined * backward[:len(joined)], out=running[1:])
    # Each word's end in the joined text: the space after it (no word holds one, nor does any
    # byte of a character beyond ASCII in UTF-8), found in numpy rather than from each word's
    # length in Python (the shingles' hashes 1.2x).
    word_ends = np.append(np.flatnonzero(joined == ord(" ")), len(joined))
    starts = np.concatenate(([0], word_ends[:-1] + 1))[:len(words) - _SHINGLE + 1]
    ends = word_ends[_SHINGLE - 1:]
    hashes = forward[ends - 1] * (running[ends] - running[starts])
    return (_mix64(hashes) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def _minhash(hashes: np.ndarray) -> np.ndarray:
    """The MinHash of the shingles' hashes under datasketch's affine permutations."""
    multipliers, offsets = _permutations()
    return (hashes[:, None] * multipliers + offsets).min(axis=0)


def near_duplicate_keys(text: str) -> list[str]:
    """One key per LSH band of the text's MinHash; near-identical texts share keys."""
    hashes = _shingle_hashes(text)
    if len(hashes) < _SHINGLE + 1:  # fewer than ten words
        return []
    values = _minhash(hashes)
    return [f"copy:{band}:" + hashlib.blake2b(values[band * _ROWS:(band + 1) * _ROWS].tobytes(),
                                             digest_size=8).hexdigest()
            for band in range(_BANDS)]


def block_streets(text: str) -> list[str]:
    """The streets of the addresses police give, "the 1400 block of Mount Herman Street", in
    order, folded and without their compass word or their kind: a story's other addresses are
    other shootings of its roundup."""
    return [_without_kind(_COMPASS.sub("", fold(match["street"]))) for match in _BLOCK.finditer(text)]


def _without_kind(street: str) -> str:
    """The street's name without its kind, as its anchor is: one story's "5200 block of Zodiac
    Road" is its later "5200 block of Zodiac"."""
    words = street.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].rstrip(".") in _SUFFIXES else street


def anchors(text: str) -> list[str]:
    """The story's streets and named people (up to a dozen, in order of first appearance,
    normalised), then its near-duplicate keys."""
    found: dict[str, None] = {}
    for match in _STREET.finditer(text):
        name = _COMPASS.sub("", fold(match["name"])) or fold(match["name"])
        found[f"street:{name}"] = None
    for match in _VENUE.finditer(text):
        words = fold(match["name"]).split()
        while words and words[0] in FUNCTION_WORDS | {"the"}:  # "At the Blue Fox Tavern"
            words = words[1:]
        if words:
            found[f"venue:{' '.join(words)} {' '.join(fold(match['kind']).split())}"] = None
    people = sorted([*_NAMED_PERSON.finditer(text), *_AGED_PERSON.finditer(text),
                     *_PERSON_IN_A_ROLE.finditer(text)], key=lambda m: m.start())
    for match in people:
        words = [_SUFFIX.sub("", fold(word)) for word in match["name"].split()]
        words = [word for word in words if word not in _GENERATION]
        if len(words) < 2 or _NOT_A_PERSONS_WORD.intersection(words):
            continue
        found[f"person:{words[-1]}"] = None
        found[f"named:{words[0]} {words[-1]}"] = None
    for match in _CHILD_AGE.finditer(text):
        if int(match["age"]) <= _YOUNGEST_AGE_TOLD_APART:
            found[f"child:{int(match['age'])}"] = None
    return list(found)[:_MAX_ANCHORS] + near_duplicate_keys(text)
