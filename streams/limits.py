"""What one message may cost a stage: its size, and the time the stage spends on it.

Both bounds turn a hostile or pathological message into a dead letter instead of a stuck or
crashed worker. The Faust agents and ``wirewatch process`` apply the same bounds, so they
dead-letter the same messages.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from streams.records import RecordError

T = TypeVar("T")


class MessageTooLarge(RecordError):
    pass


class StageTimeout(RecordError):
    """A stage spent longer than its deadline on one message."""


def check_size(key: bytes | None, value: bytes | None, limit: int) -> None:
    size = len(key or b"") + len(value or b"")
    if size > limit:
        raise MessageTooLarge(f"message of {size} bytes exceeds the limit of {limit} bytes")


def envelope_bytes(limit: int) -> int:
    """The largest record wirewatch writes about one message of at most ``limit`` bytes: a dead
    letter carries the message base64-encoded (a third larger), its key, and the error."""
    return 2 * limit + 65_536


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`StageTimeout` inside the block once ``seconds`` have passed.

    The stage functions are plain CPU-bound Python, which no thread can interrupt; SIGALRM can,
    and the regex engine checks for signals too. The block must not ``await``: the alarm would
    then fire in whichever coroutine runs. An alarm already armed by the caller (pytest-timeout
    uses one) is put back with the time it had left.
    """

    def expire(signum: int, frame: object) -> None:
        raise StageTimeout(f"gave up on the message after {seconds:g}s")

    began = time.monotonic()
    previous_handler = signal.signal(signal.SIGALRM, expire)
    previous_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:
            left = previous_delay - (time.monotonic() - began)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))


def bounded(step: Callable[[bytes, bytes | None], T], key: bytes | None, value: bytes, *,
            max_bytes: int, timeout: float) -> T:
    """``step(value, key)``, refused when the message is too large and stopped at the deadline."""
    check_size(key, value, max_bytes)
    with deadline(timeout):
        return step(value, key)
