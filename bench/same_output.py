"""Does a speed-up change nothing? ``wirewatch process`` over every corpus the project has (the
dev sets beside the project, seeds/, the test fixtures), its outputs compared byte for byte with
those of a reference run.

    .venv/bin/python bench/same_output.py --save /tmp/perf-ref   # once, before the change
    .venv/bin/python bench/same_output.py /tmp/perf-ref          # after: exit 1 on any difference
    .venv/bin/python bench/same_output.py /tmp/perf-ref --any-order  # the same records, in any order

Each corpus is processed in a fresh ``wirewatch process`` so no state carries from one to the
next. The compared files are reports.jsonl, incidents.jsonl, tallies.jsonl and deadletters.jsonl.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
EVAL = PROJECT.parent / "shared" / "eval"
CORPORA = {
    "gva": [EVAL / "gva-dev" / "articles.jsonl"],
    "acled": [EVAL / "acled-dev" / "articles.jsonl"],
    "seeds": [PROJECT / "seeds"],
    "fixtures": sorted((PROJECT / "tests" / "fixtures").glob("*.jsonl")),
}
OUTPUTS = ("reports.jsonl", "incidents.jsonl", "tallies.jsonl", "deadletters.jsonl")


def process(paths: list[Path], out_dir: Path) -> None:
    wirewatch = Path(sys.executable).with_name("wirewatch")
    subprocess.run([str(wirewatch), "process", *map(str, paths), "--out", str(out_dir)],
                   check=True, capture_output=True)


def first_difference(expected: bytes, actual: bytes) -> str:
    """The first line that differs, so a failure says which record changed."""
    old, new = expected.splitlines(), actual.splitlines()
    for number, (before, after) in enumerate(zip(old, new), 1):
        if before != after:
            return f"line {number}:\n  - {before[:300]!r}\n  + {after[:300]!r}"
    return f"{len(old)} lines before, {len(new)} now"


def in_order(data: bytes) -> bytes:
    return b"\n".join(sorted(data.splitlines()))


def compare(reference: Path, out: Path, names: list[str], any_order: bool = False) -> list[str]:
    differences = []
    for name in names:
        for output in OUTPUTS:
            expected = (reference / name / output).read_bytes()
            actual = (out / name / output).read_bytes()
            if any_order and expected != actual:
                expected, actual = in_order(expected), in_order(actual)
                if expected == actual:
                    print(f"{name}/{output}: the same lines, in another order")
            if expected != actual:
                differences.append(f"{name}/{output}: {first_difference(expected, actual)}")
    return differences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="folder of a reference run")
    parser.add_argument("--save", action="store_true", help="write the reference instead")
    parser.add_argument("--only", choices=list(CORPORA), action="append",
                        help="just these corpora (default: all)")
    parser.add_argument("--any-order", action="store_true",
                        help="the same lines in each file, whatever their order")
    options = parser.parse_args()
    names = options.only or list(CORPORA)
    if options.save:
        for name in names:
            process(CORPORA[name], options.reference / name)
        print(f"reference written to {options.reference}")
        return
    with tempfile.TemporaryDirectory() as scratch:
        for name in names:
            process(CORPORA[name], Path(scratch) / name)
        differences = compare(options.reference, Path(scratch), names, options.any_order)
    for difference in differences:
        print(difference)
    print(f"{'SAME' if not differences else 'DIFFERENT'}: {', '.join(names)}")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
