# Build, serve and test the annotated-article site. A missing .venv is created and filled from requirements.lock.
SHELL := /bin/bash
PYTHON_BOOTSTRAP ?= python3
VENV := .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/hooks

.PHONY: build serve test test-fast lint check changes compare addresses published clean lock offline bench

# The pins installed: requirements.lock, or, in the workflows (LOCK=requirements-ci.lock), the same pins with the
# hash of each file, which pip then checks: any other file is refused.
LOCK ?= requirements.lock

$(INSTALLED): $(LOCK)
	test -x $(PYTHON) || $(PYTHON_BOOTSTRAP) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps -r $(LOCK)
	touch $@

# The site is built into site.new/ and swapped in at once only when the build succeeds: a failed or stopped
# build leaves site/ as it was, and a site/ exists at every instant (see tools/build_site.py).
build: $(INSTALLED)
	$(PYTHON) tools/build_site.py

# The offline zip is made first and published with the site (the home and Data pages link to it).
OFFLINE_EDITION := dist/annotated-articles-offline.zip
build: offline
build: export OFFLINE_ZIP := $(OFFLINE_EDITION)

DEV_ADDR ?= 127.0.0.1:8000
# --dirty: a rebuild renders again only the pages an edit changes (hooks/annotated_article/site/incremental.py).
serve: $(INSTALLED)
	$(PYTHON) -m mkdocs serve --dirty --strict --dev-addr $(DEV_ADDR)

# BASE, a branch, tag or commit, reaches the tools through the environment as it was given: `$(value ...)`
# keeps make from expanding it (nor is BASE itself exported, which would expand it), and the recipes read it
# as "$$NAME", a word no shell reads as code.
BASE ?= main
unexport BASE

# Validation of data/ alone (no build): every problem as data/FILE.yml:LINE:COLUMN, exit 1 if any. With BASE
# given (a pull request's base), every address recorded there must still be recorded, with the same words, and each
# claim published there (its record in data/published/ at BASE) is as published or carries a correction.
check: export CHECK_BASE := $(if $(filter file,$(origin BASE)),,$(value BASE))
check: $(INSTALLED)
	@$(PYTHON) -m annotated_article.article.check $${CHECK_BASE:+"--base=$$CHECK_BASE"}

# What the data changes between BASE (main unless given) and the working tree, as Markdown for a reviewer.
changes: export CHANGES_BASE := $(value BASE)
changes: $(INSTALLED)
	@$(PYTHON) tools/data_changes.py -- "$$CHANGES_BASE"

# That a change altered no page: the site built from BASE (HEAD unless given) and from the working tree, compared.
compare: export COMPARE_BASE := $(if $(filter file,$(origin BASE)),HEAD,$(value BASE))
compare: $(INSTALLED)
	@$(PYTHON) tools/compare_builds.py -- "$$COMPARE_BASE"

# Record every address the articles publish (data/addresses/), so that later edits keep them working.
addresses: $(INSTALLED)
	@$(PYTHON) tools/record_addresses.py

# Record what the site publishes of each claim (data/published/), so that a later change to one needs a correction.
# Only the deploy workflow runs it, beside `make addresses`, once the site is published.
published: $(INSTALLED)
	@$(PYTHON) tools/record_published.py

test: $(INSTALLED)
	$(PYTHON) -m pytest

# The inner loop: the unit tests alone (no build, no browser), in seconds. `make test` runs them all.
test-fast: $(INSTALLED)
	$(PYTHON) -m pytest -m unit

# Code health of hooks/, tools/ and benchmarks/ (the folders are in pyproject.toml): ruff's checks, then mypy's types.
lint: $(INSTALLED)
	$(PYTHON) -m ruff check hooks tools benchmarks
	$(PYTHON) -m mypy

# The offline edition: a zip to unzip anywhere and open from disk; the same bytes on every build of a commit.
offline: $(INSTALLED)
	$(PYTHON) tools/offline_edition.py $(OFFLINE_EDITION)

# What the site costs: Lighthouse's mobile scores of the article and an actor page (bench/results/, needs
# Node.js and npm), then build cost at 1x, 10x, 30x and 100x the seed's size against MkDocs alone, all in
# benchmarks/REPORT.md (about 15 minutes). BENCH_ARGS passes options, e.g. BENCH_ARGS="--scales 1 10".
BENCH_ARGS ?=
bench: build bench/node_modules/.installed
	$(PYTHON) tools/lighthouse_bench.py site
	$(PYTHON) benchmarks/run.py $(BENCH_ARGS)

bench/node_modules/.installed: bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Re-resolve the pins of pyproject.toml into requirements.lock, then write requirements-ci.lock, the same pins with
# the hash of each file the workflows install (needs the package registry).
lock: $(INSTALLED)
	$(PYTHON) -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
	  print('\n'.join(p['dependencies'] + [d for ds in p['optional-dependencies'].values() for d in ds]))" \
	  > $(VENV)/direct.txt
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r $(VENV)/direct.txt
	{ head -2 requirements.lock; $(PYTHON) -m pip freeze; } > requirements.lock.new && mv requirements.lock.new requirements.lock
	$(PYTHON) tools/hash_lock.py requirements.lock requirements-ci.lock

clean:
	rm -rf site site.new site.old dist $(VENV) .pytest_cache .ruff_cache .mypy_cache
