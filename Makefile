# Two commands for a fresh machine:
#   make serve   set up everything (virtualenv + pinned packages) and serve the site
#   make test    set up everything and run every test (what .ci/run runs)
# Others: make build, make check, make bench, make package (npm package in dist/npm), make clean.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: serve build check test bench lint package clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

serve: $(STAMP)
	$(PY) build.py serve

build: $(STAMP)
	$(PY) build.py build

check: $(STAMP)
	$(PY) build.py check

lint: $(STAMP)
	$(VENV)/bin/ruff check .

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -n 2

bench: $(STAMP)
	$(PY) benchmarks/run.py

package: $(STAMP)
	$(PY) -m wizard.assets dist/npm

clean:
	rm -rf site docs/fr docs/de docs/en docs/assets/wizard .pytest_cache dist
