# Two commands for a fresh machine:
#   make serve   set up everything (virtualenv + pinned packages) and serve the site
#   make test    set up everything and run every test (what .ci/run runs)
# Others: make build, make check, make review, make readability, make bench, make package (npm package in dist/npm), make clean.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: serve build check test bench lint package clean review readability

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)
	$(PY) build.py serve

build: $(STAMP)
	$(PY) build.py build

check: $(STAMP)
	$(PY) build.py check

# Pages, facts and sources due for review; MAX_AGE in days (default 180).
review: $(STAMP)
	$(PY) build.py review --max-age $(or $(MAX_AGE),180)

lint: $(STAMP)
	$(VENV)/bin/ruff check .

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -n 2 --dist loadgroup

bench: $(STAMP)
	$(PY) benchmarks/run.py

# Readability per page and language, hardest first (textstat; offline).
readability: $(STAMP)
	$(PY) benchmarks/readability.py --top 15

package: $(STAMP)
	$(PY) -m wizard.assets dist/npm

clean:
	rm -rf site docs/fr docs/de docs/en docs/assets/wizard .pytest_cache dist
