# make serve | serve-full | build | test | test-fast | lint | bench | generate | check | add-source | clean | lock
# — see README.md.
#
# Every target sets up .venv from the hashed lock files first, and remakes it whenever a lock file or
# pyproject.toml changes (stamp files inside .venv keep copies of what they were made from). serve, build,
# generate, check and clean need only requirements/runtime.lock; test, test-fast, lint and bench add
# requirements/dev.lock (pytest, Playwright, ruff, mypy, pre-commit, uv). Installs are pip --require-hashes;
# the project itself goes in editable with --no-deps --no-build-isolation, so nothing is downloaded that the
# locks do not hash.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --quiet --disable-pip-version-check --no-input
RUNTIME_STAMP := $(VENV)/.runtime-installed
RUNTIME_INPUTS := requirements/build.lock requirements/runtime.lock pyproject.toml
DEV_STAMP := $(VENV)/.dev-installed
UV_COMPILE := $(VENV)/bin/uv --quiet pip compile --universal --python-version 3.11.5 --generate-hashes

export NO_MKDOCS_2_WARNING := 1

.PHONY: serve serve-full build test test-fast lint bench generate check add-source clean lock test-deps build-deps

# A fresh .venv: the build backend first (hashed), then the runtime lock built against it (jieba ships only
# an sdist, so no isolated build environment may download an unhashed setuptools), then the project.
FRESH_VENV = rm -rf $(VENV) \
	&& { $(PYTHON) -m venv $(VENV) || { echo "error: '$(PYTHON) -m venv' failed; install python3-venv (Debian: apt-get install python3-venv)" >&2; exit 1; }; } \
	&& $(PIP) --require-hashes -r requirements/build.lock \
	&& $(PIP) --require-hashes --no-build-isolation -r requirements/runtime.lock \
	&& $(PIP) --no-deps --no-build-isolation -e . \
	&& cat $(RUNTIME_INPUTS) > $(RUNTIME_STAMP)

# The stamp keeps a copy of what it was made from: a newer file with the same content (a checkout, `make
# lock` with nothing to change) does not cost a new .venv.
$(RUNTIME_STAMP): $(RUNTIME_INPUTS)
	@if cat $(RUNTIME_INPUTS) | cmp -s - $@; then touch $@; else \
		echo "Setting up $(VENV) from requirements/runtime.lock"; $(FRESH_VENV); fi

# The test and dev tools on top; the stamp keeps a copy of the lock it installed. If dev.lock's content
# changed since, start again from a fresh .venv so that packages the lock dropped do not linger.
$(DEV_STAMP): requirements/dev.lock $(RUNTIME_STAMP)
	@if [ -e $@ ] && ! cmp -s requirements/dev.lock $@; then \
		echo "requirements/dev.lock changed: setting up $(VENV) again"; $(FRESH_VENV); fi
	@echo "Adding requirements/dev.lock to $(VENV)"
	@$(PIP) --require-hashes --no-build-isolation -r requirements/dev.lock
	@cp requirements/dev.lock $@

# The preview: both languages, every edit of seeds/, content/ or docs/ shown after one quick rebuild (only the
# changed pages; no search index; not strict, since a dirty build warns that other pages' nav may be stale).
serve: $(RUNTIME_STAMP)
	CLUSTERDOCS_SEARCH=false CLUSTERDOCS_STRICT=false $(PY) -m mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# The site as published (search, strict, every page rebuilt on each edit).
serve-full: $(RUNTIME_STAMP)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

# On GitHub Actions the build is the one published: it refuses a local SITE_URL (the workflow sets it).
# The books (PDF, EPUB) need Pango and Noto CJK: build-deps installs them (as root) or says what to install.
build: $(RUNTIME_STAMP) build-deps
	$(PY) -m clusterdocs build $(if $(filter true,$(GITHUB_ACTIONS)),--publish)

# Everything CI runs: lint, then every test (browser tests included).
test: lint test-deps
	$(PY) -m pytest

# The inner loop: no lint, no browser.
test-fast: $(DEV_STAMP)
	$(PY) -m pytest -m "not browser"

# All three run, so one pass shows every problem; the target fails if any of them does.
lint: $(DEV_STAMP)
	@status=0; \
	for check in "ruff check ." "ruff format --check ." "mypy"; do \
		echo "$(VENV)/bin/$$check"; $(VENV)/bin/$$check || status=1; \
	done; exit $$status

bench: $(DEV_STAMP) test-deps
	$(PY) -m clusterdocs bench

generate: $(RUNTIME_STAMP)
	$(PY) -m clusterdocs generate

check: $(RUNTIME_STAMP)
	$(PY) -m clusterdocs check

# A new text: copied into seeds/ under the naming rule, its manifest drafted, a diagnostic printed (README: Add a
# text). Run it again on the seed (FILE=seeds/NNN_....txt) to see the diagnostic of the edited manifest.
add-source: $(RUNTIME_STAMP)
	@if [ -z "$(FILE)" ]; then echo "usage: make add-source FILE=path/to/text.txt" >&2; exit 2; fi
	@$(PY) -m clusterdocs add-source "$(FILE)"

test-deps:
	@bash scripts/ensure-test-deps.sh

build-deps:
	@bash scripts/ensure-build-deps.sh

# Generated pages (the folders in clusterdocs.config.GENERATED_DIRS), built sites, caches, test artefacts.
clean: $(RUNTIME_STAMP)
	$(PY) -m clusterdocs clean
	rm -rf site/ site.*/ .generating-*/ .cache/ tests/artifacts/

# Regenerate the three locks from pyproject.toml and requirements/build.in, keeping current pins where they
# still fit; add UPGRADE=--upgrade to move every pin to the newest release. Each lock's header repeats its
# command. The dev lock is constrained by the runtime lock, so both install the same runtime packages.
lock: $(DEV_STAMP)
	$(UV_COMPILE) $(UPGRADE) requirements/build.in --output-file requirements/build.lock
	$(UV_COMPILE) $(UPGRADE) pyproject.toml requirements/build.in --output-file requirements/runtime.lock
	$(UV_COMPILE) $(UPGRADE) pyproject.toml requirements/build.in --extra test --extra dev \
		--constraint requirements/runtime.lock --output-file requirements/dev.lock
