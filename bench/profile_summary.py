"""Where extraction spends its time, by module: a cProfile run folded into one line per source
file, so a regression shows up as "places.py doubled" rather than as a thousand rows.

A builtin's time (``re.Pattern.search``, lingua's Rust detector, ``hashlib``) is charged to the
modules that called it, in proportion to what each call site spent: a regex is slow because of
the module that wrote it, not because of ``re``.
"""

from __future__ import annotations

import cProfile
import pstats
from collections import Counter
from collections.abc import Callable
from pathlib import Path

_PROJECT = Path(__file__).resolve().parents[1]


def _module(filename: str) -> str:
    """A project file as its path in the project; a library file as its package."""
    path = Path(filename)
    if path.is_relative_to(_PROJECT / ".venv"):
        parts = path.parts
        return parts[parts.index("site-packages") + 1] if "site-packages" in parts else path.name
    if path.is_relative_to(_PROJECT):
        return str(path.relative_to(_PROJECT))
    return f"stdlib {path.parent.name if path.name == '__init__.py' else path.stem}"


def _is_builtin(function: tuple[str, int, str]) -> bool:
    return function[0] == "~"


def by_module(run: Callable[[], None]) -> tuple[float, list[tuple[str, float]]]:
    """The total seconds ``run`` took under the profiler, and each module's own seconds, most
    first."""
    profiler = cProfile.Profile()
    profiler.runcall(run)
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    spent: Counter[str] = Counter()
    for function, (_, _, own, _, callers) in stats.items():
        if not _is_builtin(function):
            spent[_module(function[0])] += own
            continue
        by_caller = {caller: edge[2] for caller, edge in callers.items()}
        share = sum(by_caller.values())
        for caller, seconds in by_caller.items():
            name = "(builtin)" if _is_builtin(caller) else _module(caller[0])
            spent[name] += own * seconds / share if share else 0.0
        if not callers:
            spent["(builtin)"] += own
    return sum(spent.values()), spent.most_common()
