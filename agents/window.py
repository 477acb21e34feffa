"""The incident window's horizon, which dedupe, tally and extract's memory of articles share."""

from __future__ import annotations

import functools
from datetime import date, timedelta


# Dedupe asks for it two or three times a report, of the few days its streams are at.
@functools.lru_cache(maxsize=4096)
def horizon(latest: str | None, window_days: int) -> str:
    """The first day still open on a stream whose time has reached ``latest`` (an ISO day):
    what is older has left the window. Empty, so that nothing is older, when the stream has
    no time yet or the window is 0 (nothing closes)."""
    if not window_days or not latest:
        return ""
    return (date.fromisoformat(latest) - timedelta(days=window_days)).isoformat()
