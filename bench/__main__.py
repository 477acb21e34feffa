"""wirewatch's benchmark suite: stage functions, ``wirewatch process``, workers on a real
broker beside Faust's and aiokafka's own limits, and memory as the stream grows. Writes
docs/benchmarks.md and docs/benchmarks.png.

    .venv/bin/python -m bench [--quick] [--sections stages,process,live,memory] [--profile]

Each section is timed apart; the full run takes about 15 minutes on an idle 2-core machine,
``--quick`` about 5. Benchmarks are no tests: nothing here is asserted, all is reported.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import report
from bench.corpus import GVA_DEV, read_corpus
from bench.live import Plan, run_all
from bench.profile_summary import profile
from bench.stages import measure_process, measure_stages
from bench.timing import load_average

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = ("stages", "process", "live", "memory")
FULL = {"runs": 3, "live": Plan(runs=3, backlog=600, rates=(50, 200, 1000), duration=15,
                                limit=40), "memory_budget": 180.0}
QUICK = {"runs": 1, "live": Plan(runs=1, backlog=200, rates=(50, 200, 1000), duration=5,
                                 limit=20), "memory_budget": 40.0}
PIPELINE = "LocalRun.feed (agents/pipeline.py"


def _memory(budget: float) -> list[dict]:
    """The memory run, in a fresh interpreter so that nothing else here is counted."""
    out = subprocess.run([sys.executable, "-m", "bench.memory", "--budget", str(budget)],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


def _profile_process(corpus: Path) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as out:
        return dict(profile(["-m", "streams.cli", "process", str(corpus), "--out", out],
                            root=PIPELINE).most_common())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer and shorter runs")
    parser.add_argument("--sections", default=",".join(SECTIONS),
                        help=f"comma-separated, of {', '.join(SECTIONS)}")
    parser.add_argument("--profile", action="store_true",
                        help="add where `wirewatch process` spends its time (py-spy)")
    parser.add_argument("--memory-budget", type=float,
                        help="CPU seconds the memory run may take (1M articles needs far more)")
    parser.add_argument("--corpus", type=Path, default=GVA_DEV)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    options = parser.parse_args()
    # A stopped run still stops the broker and workers it started (the finally blocks).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sections = [name.strip() for name in options.sections.split(",") if name.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; known: {', '.join(SECTIONS)}")
    # The report ends with its plot: a run of a quarter of an hour must not find out only then.
    if importlib.util.find_spec("matplotlib") is None:
        parser.error("the report's plot needs matplotlib: pip install -e '.[bench]' (make bench does)")
    mode = QUICK if options.quick else FULL
    corpus = read_corpus(options.corpus)
    results = report.Results(command=" ".join(["python -m bench", *sys.argv[1:]]),
                             load_before=load_average(), corpus=options.corpus,
                             articles=len(corpus), runs=mode["runs"], plan=mode["live"])
    began = time.monotonic()

    def note(text: str) -> None:
        print(f"[{time.monotonic() - began:6.0f}s] {text}", flush=True)

    if "stages" in sections:
        note("stage functions ...")
        results.stages = measure_stages(corpus, mode["runs"])
    if "process" in sections:
        note("wirewatch process ...")
        results.process = measure_process(options.corpus, len(corpus), mode["runs"])
        results.process_jobs = measure_process(options.corpus, len(corpus), mode["runs"],
                                               jobs=os.cpu_count() or 1)
    if "live" in sections:
        note("through the broker ...")
        with tempfile.TemporaryDirectory() as scratch:
            results.live = run_all(corpus, mode["live"], Path(scratch), log=note)
    if "memory" in sections:
        note("memory ...")
        results.memory = _memory(options.memory_budget or mode["memory_budget"])
    if options.profile:
        note("profiling wirewatch process ...")
        results.profile = _profile_process(options.corpus)
    results.load_after = load_average()
    results.seconds = time.monotonic() - began
    report.write(results, options.out)
    note(f"wrote {options.out} and {options.out.with_suffix('.png')}")


if __name__ == "__main__":
    main()
