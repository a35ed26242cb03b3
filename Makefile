# make serve | make test | make build | make bench — see README.md.
# Each target sets up .venv from requirements.lock first (again whenever the lock file changes).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.lock-installed

export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench generate check test-deps clean

$(STAMP): requirements.lock pyproject.toml
	@echo "Setting up $(VENV) from requirements.lock"
	@rm -rf $(VENV)
	@$(PYTHON) -m venv $(VENV) || { echo "error: '$(PYTHON) -m venv' failed; install python3-venv (Debian: apt-get install python3-venv)" >&2; exit 1; }
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-input -r requirements.lock
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-input --no-deps -e .
	@cp requirements.lock $(STAMP)

serve: $(STAMP)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(PY) -m clusterdocs build

test: $(STAMP) test-deps
	$(PY) -m pytest

bench: $(STAMP) test-deps
	$(PY) -m clusterdocs bench

generate: $(STAMP)
	$(PY) -m clusterdocs generate

check: $(STAMP)
	$(PY) -m clusterdocs check

test-deps:
	@bash scripts/ensure-test-deps.sh

clean:
	rm -rf site site.* .cache docs/chapters docs/sources tests/artifacts
