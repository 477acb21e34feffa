"""Where extraction spends its time, by module: py-spy samples of a benchmark run, each charged
to the innermost project file on its stack, so a regression shows up as "places.py doubled"
rather than as a thousand rows.

Sampling, not cProfile: cProfile's cost per call swamps code made of many small calls (a SHA-1
per shingle) and hides what a regex costs in C. A library's time (``re``, lingua's detector,
``hashlib``) is charged to the project file that called it: a regex is slow because of the
module that wrote it.

Needs the ``bench`` extra: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

_FRAME = re.compile(r"\((?P<file>[^:()]+):\d+\)$")
_PROJECT_FILE = re.compile(r"(?:^|/)(?P<module>(?:agents|streams)/.+\.py)$")
EXTRACT = "extract (agents/extract/core.py"


def _module(frame: str) -> str | None:
    match = _FRAME.search(frame)
    project = _PROJECT_FILE.search(match["file"]) if match else None
    return project["module"] if project else None


def fold(raw: str, root: str = EXTRACT) -> Counter[str]:
    """Samples per project module, from py-spy's raw output (one "frame;frame;... count" line
    per distinct stack), counting only stacks inside the function ``root`` names
    ("name (path" as py-spy writes a frame)."""
    samples: Counter[str] = Counter()
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if not any(frame.startswith(root) for frame in frames):
            continue
        modules = [module for frame in frames if (module := _module(frame))]
        samples[modules[-1]] += int(count)
    return samples


def spy_binary() -> str:
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(spy).exists():
        raise SystemExit("profiling needs py-spy: pip install -e '.[bench]'")
    return spy


def profile(arguments: list[str], rate: int = 200, root: str = EXTRACT) -> Counter[str]:
    """Run ``python ARGUMENTS`` under py-spy and fold its samples inside ``root`` by module."""
    spy = spy_binary()
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / "stacks.txt"
        subprocess.run([spy, "record", "--rate", str(rate), "--format", "raw", "--output", str(raw),
                        "--", sys.executable, *arguments],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return fold(raw.read_text(), root)
