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
from itertools import accumulate

import numpy as np
from datasketch import MinHash
# The MurmurHash3 finalizer datasketch mixes each hash with before permuting it (datasketch is
# pinned, so its private helper is the very one the published keys were made with).
from datasketch.minhash import _fmix

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
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The permutations of datasketch's MinHash (seed 1, its "affine32" scheme), which every
    key ever published was computed with."""
    multipliers, offsets = MinHash(num_perm=_BANDS * _ROWS).permutations
    return multipliers, offsets


def _shingles(text: str) -> list[bytes]:
    """The text's word 5-shingles, casefolded, words joined by one space, as UTF-8: cut out of
    one encoded string rather than joined and encoded one by one."""
    if text.isascii():  # casefolding ASCII is lowering it, and leaves its words where they were
        words = _WORD.findall(text.lower())
        lengths = list(map(len, words))
    else:
        words = [word.casefold() for word in _WORD.findall(text)]
        lengths = [len(word.encode("utf-8")) for word in words]
    ends = list(accumulate(length + 1 for length in lengths))  # each word's end, plus its space
    joined = " ".join(words).encode("utf-8")
    return [joined[start:end - 1] for start, end in zip([0] + ends, ends[_SHINGLE - 1:])]


def _minhash(shingles: list[bytes]) -> np.ndarray:
    """datasketch's MinHash of the shingles, as ``MinHash.update_batch`` computes it with its
    default hash (the first four bytes of each SHA-1, little-endian), over all shingles in a
    few array operations instead of one Python call per shingle."""
    sha1 = hashlib.sha1
    digests = np.frombuffer(b"".join([sha1(shingle).digest() for shingle in shingles]), dtype="<u4")
    hashes = _fmix(digests[::5].astype(np.uint32), 32)  # a SHA-1 digest is five 4-byte words
    multipliers, offsets = _permutations()
    return (hashes[:, None] * multipliers + offsets).min(axis=0)


def near_duplicate_keys(text: str) -> list[str]:
    """One key per LSH band of the text's MinHash; near-identical texts share keys."""
    shingles = _shingles(text)
    if len(shingles) < _SHINGLE + 1:  # fewer than ten words
        return []
    values = _minhash(shingles)
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
