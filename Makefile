# Everything a fresh machine needs: `make demo` and `make test` create .venv and install first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test lint bench install clean dev-score

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install -q -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/kronika extract samples/ --format table
	$(BIN)/kronika extract samples/ -o demo-output.jsonl
	@echo "JSON records written to demo-output.jsonl"

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests bench

bench: install
	$(BIN)/python bench/run.py

dev-score: install
	$(BIN)/kronika extract $(SHARED)/data/dev/articles.jsonl -o /tmp/kronika-dev.jsonl
	$(PY) $(SHARED)/eval/score.py $(SHARED)/data/dev/gold.jsonl /tmp/kronika-dev.jsonl

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
