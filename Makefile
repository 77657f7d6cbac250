# Build, serve and test the annotated-article site. A missing .venv is created and filled from requirements.lock.
SHELL := /bin/bash
PYTHON_BOOTSTRAP ?= python3
VENV := .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/hooks

.PHONY: build serve test check clean lock bench

$(INSTALLED): requirements.lock
	test -x $(PYTHON) || $(PYTHON_BOOTSTRAP) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	touch $@

build: $(INSTALLED)
	$(PYTHON) -m mkdocs build --strict

serve: $(INSTALLED)
	$(PYTHON) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

test: $(INSTALLED)
	$(PYTHON) -m pytest

# What the site costs at 1x, 10x and 100x the seed's size, against MkDocs alone: benchmarks/REPORT.md (about 10 minutes).
# BENCH_ARGS passes options, e.g. BENCH_ARGS="--scales 1 10" (python benchmarks/run.py --help).
BENCH_ARGS ?=
bench: $(INSTALLED)
	$(PYTHON) benchmarks/run.py $(BENCH_ARGS)

# Re-resolve the pins of pyproject.toml into requirements.lock (needs the package registry).
lock: $(INSTALLED)
	$(PYTHON) -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
	  print('\n'.join(p['dependencies'] + [d for ds in p['optional-dependencies'].values() for d in ds]))" \
	  > $(VENV)/direct.txt
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r $(VENV)/direct.txt
	{ head -2 requirements.lock; $(PYTHON) -m pip freeze; } > requirements.lock.new && mv requirements.lock.new requirements.lock

clean:
	rm -rf site dist $(VENV) .pytest_cache
