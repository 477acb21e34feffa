"""Wire copy from files, as the messages a producer would send to ``news.articles``.

A ``.jsonl`` file holds one JSON article a line; any other file is one plain-text article whose
id is the file's name. A folder stands for the articles inside it. ``publish`` and ``process``
both read through here, so they see the very same messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

JSONL_SUFFIXES = (".jsonl", ".ndjson")
TEXT_SUFFIXES = (".txt", ".text")


@dataclass(frozen=True, slots=True)
class Message:
    key: bytes | None
    value: bytes
    origin: str  # "file:line", for error messages and dead letters


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; folders replaced by the wire copy they hold, in name order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir()
                                if p.is_file() and p.suffix in JSONL_SUFFIXES + TEXT_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return files


def _key_of(line: bytes) -> bytes | None:
    """The article id, so that every revision of an article lands on one partition."""
    try:
        article_id = orjson.loads(line).get("id")
    except (orjson.JSONDecodeError, AttributeError):
        return None
    return str(article_id).encode() if article_id not in (None, "") else None


def read_messages(paths: list[Path]) -> Iterator[Message]:
    for path in expand(paths):
        if path.suffix in JSONL_SUFFIXES:
            with path.open("rb") as lines:
                for number, line in enumerate(lines, 1):
                    line = line.strip()
                    if line:
                        yield Message(_key_of(line), line, f"{path}:{number}")
        else:
            yield Message(path.stem.encode(), path.read_bytes(), str(path))


def count_messages(paths: list[Path]) -> int:
    total = 0
    for path in expand(paths):
        if path.suffix in JSONL_SUFFIXES:
            with path.open("rb") as lines:
                total += sum(1 for line in lines if line.strip())
        else:
            total += 1
    return total
