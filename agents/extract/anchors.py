"""What ties articles to one incident:
- the street it happened on, and the people named with their ages ("Terrell Skinner, 26");
- for syndicated copy with small edits, locality-sensitive hashes of the text: MinHash over
  word 5-shingles, cut into bands, so two copies sharing most of their wording share a band.

Two outlets rarely share any of these by chance.
"""

from __future__ import annotations

import hashlib
import re
import struct
from functools import lru_cache

from datasketch import MinHash

from agents.enrich.gazetteer import fold

_SUFFIXES = {
    "street": "st", "st": "st", "avenue": "ave", "ave": "ave", "road": "rd", "rd": "rd",
    "drive": "dr", "dr": "dr", "boulevard": "blvd", "blvd": "blvd", "lane": "ln", "ln": "ln",
    "way": "way", "court": "ct", "ct": "ct", "place": "pl", "parkway": "pkwy", "pkwy": "pkwy",
    "highway": "hwy", "hwy": "hwy", "terrace": "ter", "circle": "cir",
}
# Both patterns open with the capital itself, its word boundary checked just after it
# ("(?<!\w[A-Z])" is "\b" before it): a pattern that opens with a letter class lets the regex
# engine skip from capital to capital instead of trying every position.
_STREET = re.compile(
    r"(?P<name>[A-Z](?<!\w[A-Z])[a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+(?P<suffix>"
    + "|".join(sorted({k.capitalize() for k in _SUFFIXES}, key=len, reverse=True))
    + r")\b\.?"
)
_NAMED_PERSON = re.compile(r"(?P<name>[A-Z](?<!\w[A-Z])[a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2}),\s+\d{1,3},")
_MAX_ANCHORS = 12
# 6 bands of 6 rows: copies with Jaccard similarity 0.8 share a band 84% of the time, 0.5 9%,
# 0.3 0.4%.
_BANDS, _ROWS = 6, 6
_SHINGLE = 5
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _blank_minhash() -> MinHash:
    """A MinHash that takes hash values as they come (see ``_sha1_hash32``)."""
    return MinHash(num_perm=_BANDS * _ROWS, hashfunc=int)


def _sha1_hash32(shingles: list[bytes]) -> list[int]:
    """What datasketch's default hash, ``sha1_hash32``, gives each shingle (the first four
    bytes of its SHA-1, little-endian), read out of all the digests in one unpack rather than
    one Python call per shingle."""
    digests = b"".join([hashlib.sha1(shingle).digest() for shingle in shingles])
    return list(struct.unpack("<" + "I16x" * len(shingles), digests))


def near_duplicate_keys(text: str) -> list[str]:
    """One key per LSH band of the text's MinHash; near-identical texts share keys."""
    words = [word.casefold() for word in _WORD.findall(text)]
    if len(words) < _SHINGLE * 2:
        return []
    # A copy shares the blank's permutations: drawing them anew costs more than the hashing.
    minhash = _blank_minhash().copy()
    minhash.update_batch(_sha1_hash32([" ".join(words[i:i + _SHINGLE]).encode("utf-8")
                                       for i in range(len(words) - _SHINGLE + 1)]))
    values = minhash.hashvalues
    return [f"copy:{band}:" + hashlib.blake2b(values[band * _ROWS:(band + 1) * _ROWS].tobytes(),
                                             digest_size=8).hexdigest()
            for band in range(_BANDS)]


def anchors(text: str) -> list[str]:
    """The story's streets and named people (up to a dozen, in order of first appearance,
    normalised), then its near-duplicate keys."""
    found: dict[str, None] = {}
    for match in _STREET.finditer(text):
        found[f"street:{fold(match['name'])} {_SUFFIXES[match['suffix'].lower()]}"] = None
    for match in _NAMED_PERSON.finditer(text):
        words = match["name"].split()
        found[f"person:{fold(words[-1])}"] = None
        found[f"named:{fold(words[0])} {fold(words[-1])}"] = None
    return list(found)[:_MAX_ANCHORS] + near_duplicate_keys(text)
