"""Where the victim-phrase search's time goes (``figures._phrase_matches``, the largest single
cost of extraction): over the sentences of a corpus that have a casualty word, the search timed
whole, then its parts apart:

- the gate and the search loop alone (every alternative removed);
- entering each alternative, each made to fail at its first step;
- each alternative alone, by the first group it names, less the gate and loop.

    .venv/bin/python -m bench.extract_phrases [ARTICLES.jsonl ...] [--runs 5]

CPU time (the best of the runs), every figure measured in this one run, so they compare.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path
from re import _compiler, _constants, _parser  # type: ignore[attr-defined]

from agents.extract.article import parse_article
from agents.extract.caseblind import _spell
from agents.extract.figures import _CASUALTY_HINT, _PHRASE_AFTER_THE_START
from agents.extract.text import article_text, sentences
from bench.corpus import GVA_DEV

_Edit = Callable[[list], list]


def casualty_sentences(corpora: list[Path]) -> list[str]:
    found = []
    for corpus in corpora:
        for line in corpus.read_bytes().splitlines():
            article = parse_article(line)
            found += [s.text for s in sentences(article_text(article), len(article.headline))
                      if _CASUALTY_HINT.search(s.text)]
    return found


def _alternatives(tree: _parser.SubPattern) -> list[_parser.SubPattern]:
    """The pattern's alternatives behind its gate, those of a group under one ``\\b`` apart."""
    top = tree.data[1][1][1]
    leaves = []
    for alternative in top:
        grouped = len(alternative.data) == 2 and alternative.data[1][0] is _constants.BRANCH
        leaves += alternative.data[1][1][1] if grouped and alternative.data[0][0] is _constants.AT else [alternative]
    return leaves


def spelled(edit: Callable[[_parser.SubPattern], None]) -> re.Pattern[str]:
    """The gated phrase pattern as ``SpelledCase`` runs it on ASCII text, with ``edit`` made
    to its parse tree first."""
    pattern = _PHRASE_AFTER_THE_START.pattern
    tree = _parser.parse(pattern.pattern, pattern.flags)
    tree.state.flags &= ~re.IGNORECASE
    _spell(tree, False)
    edit(tree)
    return _compiler.compile(tree, pattern.flags & ~re.IGNORECASE)


def _search_all(pattern: re.Pattern[str], texts: list[str]) -> int:
    found = 0
    for text in texts:
        position = 0
        while (match := pattern.search(text, position)) is not None:
            found += 1
            position = max(match.end(), match.start() + 1)
    return found


def cpu_seconds(pattern: re.Pattern[str], texts: list[str], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.process_time()
        _search_all(pattern, texts)
        best = min(best, time.process_time() - began)
    return best


def _fail_first(tree: _parser.SubPattern) -> None:
    for alternative in _alternatives(tree):
        alternative.data.insert(0, (_constants.AT, _constants.AT_NON_BOUNDARY))  # never at \b\w


def _no_alternative(tree: _parser.SubPattern) -> None:
    never = _parser.SubPattern(tree.state, [(_constants.AT, _constants.AT_NON_BOUNDARY)])
    tree.data[1] = (_constants.BRANCH, (None, [never]))


def only(index: int) -> Callable[[_parser.SubPattern], None]:
    def edit(tree: _parser.SubPattern) -> None:
        tree.data[1] = (_constants.BRANCH, (None, [_alternatives(tree)[index]]))
    return edit


def alternative_names() -> list[str]:
    """Each alternative's name: the first group it names."""
    pattern = _PHRASE_AFTER_THE_START.pattern
    tree = _parser.parse(pattern.pattern, pattern.flags)
    names = {number: name for name, number in tree.state.groupdict.items()}
    found = []
    for alternative in _alternatives(tree):
        numbers = [int(n) for n in re.findall(r"SUBPATTERN, \((\d+)", str(alternative.data))]
        found.append(names[min(numbers)] if numbers else "?")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=[GVA_DEV])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    texts = casualty_sentences(options.corpora)
    whole = spelled(lambda tree: None)
    gate = cpu_seconds(spelled(_no_alternative), texts, options.runs)
    total = cpu_seconds(whole, texts, options.runs)
    print(f"{len(texts):,} sentences with a casualty word, {sum(map(len, texts)):,} characters, "
          f"{_search_all(whole, texts):,} phrases")
    print(f"whole search: {total:.3f} CPU-s")
    print(f"  gate and loop: {gate:.3f} ({100 * gate / total:.0f}%)")
    entering = cpu_seconds(spelled(_fail_first), texts, options.runs) - gate
    print(f"  entering the alternatives: {entering:.3f} ({100 * entering / total:.0f}%)")
    print(f"  the alternatives' own work: {total - gate - entering:.3f} ({100 * (total - gate - entering) / total:.0f}%)")
    print("each alternative alone, less the gate and loop:")
    for index, name in enumerate(alternative_names()):
        alone = cpu_seconds(spelled(only(index)), texts, options.runs) - gate
        print(f"  {name:16} {alone:.3f}")


if __name__ == "__main__":
    main()
