# Everything a fresh machine needs: `make demo` and `make test` create .venv and install first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test lint bench install install-dev wheel clean dev-score

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

NPM_STAMP := src/kronika/web/node_modules/.package-lock.json
$(NPM_STAMP): src/kronika/web/package-lock.json
	# the map page's front-end libraries, the Natural Earth base map and Swagger UI come from npm into
	# src/kronika/web/node_modules (git-ignored, served locally: the page needs no network). npm
	# comes with Node.js: where it is missing it is installed with apt-get (Debian's nodejs + npm).
	@command -v npm >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq nodejs npm; } \
	  || { echo "error: npm is needed for the map page: install Node.js (https://nodejs.org) or run as root"; exit 1; }
	cd src/kronika/web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

# the runtime only (what `make demo` needs): no Spark, no test tools
$(STAMP): $(BIN)/python pyproject.toml requirements.lock $(NPM_STAMP)
	$(BIN)/pip install -q -c requirements.lock -e .
	touch $(STAMP)

# tests and lint: the dev and spark extras (pyspark is large; only `make test` installs it)
DEV_STAMP := $(VENV)/.installed-dev
$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install -q -c requirements.lock -e '.[dev,spark]'
	touch $(DEV_STAMP)

# System packages the tests need: a Java runtime (Spark test), Debian's Chromium (browser test) and
# Apertium's Belarusian transducer (Belarusian morphology, lexicons/be/language.toml).
# Installed with apt-get where missing (CI runs as root); elsewhere those tests skip with a reason.
SYSDEPS := $(VENV)/.sysdeps
$(SYSDEPS): | $(BIN)/python
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && \
	  (apt-get install -y -qq openjdk-17-jre-headless || apt-get install -y -qq default-jre-headless); } \
	  || echo "warning: no Java runtime and apt-get failed: the Spark test will skip"
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium chromium-driver; } \
	  || echo "warning: no chromium and apt-get failed: the browser test will skip"
	@test -f /usr/share/apertium/apertium-bel-rus/bel-rus.automorf.bin || { apt-get update -qq && apt-get install -y -qq apertium-bel-rus; } \
	  || echo "warning: no apertium-bel-rus and apt-get failed: Belarusian is read without lemmas, its test skips"
	touch $(SYSDEPS)

BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): $(DEV_STAMP)
	$(BIN)/pip install -q -c requirements.lock -e '.[dev,spark,bench]'
	touch $(BENCH_STAMP)

install: $(STAMP)

install-dev: $(DEV_STAMP)

# a wheel that carries the map's front-end files (listed in pyproject's package-data)
wheel: $(DEV_STAMP)
	rm -rf dist
	$(BIN)/pip wheel --no-deps --no-build-isolation -w dist .
	@ls dist/*.whl

demo: install
	$(BIN)/kronika extract samples/ --format table
	$(BIN)/kronika extract samples/ -o demo-output.jsonl
	@echo "JSON records written to demo-output.jsonl"
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/kronika ingest --db demo.db samples/
	$(BIN)/kronika serve --db demo.db --port $(or $(PORT),8000)

test: $(DEV_STAMP) $(SYSDEPS)
	$(BIN)/python -m pytest

# ruff on everything; mypy --strict on the package (configured in pyproject.toml [tool.mypy])
lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: $(BENCH_STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

dev-score: install
	$(BIN)/kronika extract $(SHARED)/data/dev/articles.jsonl -o /tmp/kronika-dev.jsonl
	$(PY) $(SHARED)/eval/score.py $(SHARED)/data/dev/gold.jsonl /tmp/kronika-dev.jsonl

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
