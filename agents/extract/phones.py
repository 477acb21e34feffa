"""The US states a story's phone numbers are in.

Local copy gives its readers local numbers: a tip line, "CRIMESTOPPERS at 504-822-1111", the
sheriff's office at "(630) 264-1234". An area code belongs to one state, so a number tells the
state the story is told in even when its outlet's name and its place names do not. The area
codes' places are Google's libphonenumber data, as the ``phonenumbers`` package ships it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import geocoder

from agents.enrich.gazetteer import Gazetteer
from agents.extract.gate import gated

# A North American number as copy writes it: "(504) 822-1111", "504-822-1111", "504.822.1111".
# Area codes and exchanges never start with 0 or 1, and the area code stands apart: "case
# number 223413-2016" is no number in area 223. Gated: the search skips to a digit or bracket.
_NUMBER = gated(re.compile(r"(?<![\d-])(?:1[-. ])?(?:\(([2-9]\d\d)\) ?|([2-9]\d\d)[-. ])([2-9]\d\d)[-.](\d{4})(?![\d-])"))


def phone_states(text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """The US states (place ids) of the area codes of the phone numbers in ``text``, and "US"
    if there is one. A toll-free number ("1-800-222-8477") is no state's."""
    states = {state for match in _NUMBER.finditer(text)
              if (state := _state_of_number("".join(filter(None, match.groups())), gazetteer)) is not None}
    return frozenset(states | {"US"}) if states else frozenset()


@lru_cache(maxsize=4096)
def _state_of_number(digits: str, gazetteer: Gazetteer) -> str | None:
    number = phonenumbers.parse(digits, "US")
    if phonenumbers.region_code_for_number(number) != "US":
        return None  # a Canadian or Caribbean area code
    # "Illinois" for an area code, "Aurora, IL" where the exchange is known too.
    where = geocoder.description_for_valid_number(number, "en")
    state = gazetteer.region(where.rpartition(", ")[2]) if where else None
    return state.place_id if state is not None and state.country == "US" and state.code else None
