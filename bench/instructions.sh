#!/bin/bash
# Instructions per article through extract, counted by cachegrind: unlike CPU time, the count
# does not move with what else the shared machine runs, so it can tell a 1% change apart.
#
#     bench/instructions.sh [ARTICLES] [SKIP] [CORPUS]   # default: 100 gva-dev articles from the 500th
#
# Two runs under valgrind, one extracting no article and one extracting ARTICLES; the
# difference over ARTICLES is the cost of one. Each run takes about a minute. String hashing is
# seeded alike in every run (PYTHONHASHSEED); repeated runs still differ by about 1%, so a
# change smaller than that needs several runs.
set -euo pipefail
export PYTHONHASHSEED=${PYTHONHASHSEED:-0}
cd "$(dirname "$0")/.."
ARTICLES=${1:-100}
SKIP=${2:-500}
CORPUS=${3:-../shared/eval/gva-dev/articles.jsonl}
run() {
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null .venv/bin/python -c "
import sys
from pathlib import Path
from agents.enrich.gazetteer import load_gazetteer
from agents.extract.article import parse_article
from agents.extract.core import extract
gazetteer = load_gazetteer()
articles = [parse_article(line) for line in Path('$CORPUS').read_bytes().splitlines()]
extract(articles[-1], None, gazetteer)  # load the language model and compile every pattern
for article in articles[$SKIP:$SKIP + $1]:
    extract(article, None, gazetteer)
" 2>&1 | awk '/I *refs/ {gsub(",", "", $4); print $4}'
}
none=$(run 0)
some=$(run "$ARTICLES")
echo "instructions per article: $(( (some - none) / ARTICLES )) ($ARTICLES articles of $CORPUS from the ${SKIP}th)"
