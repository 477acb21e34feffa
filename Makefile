# The two commands a newcomer needs: `make demo` and `make test`.
# Everything else (the venv, the Python packages, Kafka's jars) is built on first use.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test unit integration kafka eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/wirewatch gazetteer
	touch $(STAMP)

kafka: $(STAMP)
	$(BIN)/wirewatch broker fetch

demo: kafka
	$(BIN)/wirewatch demo

test: kafka
	$(BIN)/pytest

unit: $(STAMP)
	$(BIN)/pytest -m "not integration"

integration: kafka
	$(BIN)/pytest -m integration

# The dev-set figures (evaluation data lives outside the project, in ../shared/eval).
EVAL ?= ../shared/eval
eval: $(STAMP)
	@for set in gva-dev acled-dev; do \
	  $(BIN)/wirewatch process $(EVAL)/$$set/articles.jsonl --out out/$$set --jobs 0 && \
	  $(BIN)/python $(EVAL)/score.py $(EVAL)/$$set/gold.jsonl out/$$set/incidents.jsonl out/$$set/tallies.jsonl; \
	done

# Throughput, latency and memory (about 15 minutes; BENCH_ARGS=--quick for about 5), written to
# docs/benchmarks.md and docs/benchmarks.png. Not part of `make test`.
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

bench: kafka $(BENCH_STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) out .pytest_cache
