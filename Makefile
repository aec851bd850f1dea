# govkg — `make demo` loads the sample gazette into the embedded store; `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SAMPLE := examples/yangquan-gazette-2020-02.txt
export KG_DATA_DIR ?= $(CURDIR)/.kgdata

.PHONY: install system-deps test-deps demo test bench eval explorer-assets clean

install: system-deps $(STAMP)

# The embedded store's FalkorDB module links against libgomp and OpenSSL 3; scanned pages
# are read by Tesseract with its simplified and traditional Chinese data.
SYSTEM_PACKAGES := libgomp1 libssl3 tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra
system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

$(STAMP): pyproject.toml tools/cypher-lint/package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	cd tools/cypher-lint && npm ci --no-audit --no-fund --loglevel=error
	touch $@

demo: install
	$(BIN)/kg load $(SAMPLE)
	$(BIN)/kg stats
	$(BIN)/kg query lead_ranking --param limit=8
	$(BIN)/kg query personnel_changes --param since=2020-03-01 --param until=2020-03-31
	$(BIN)/kg query post_holders --param post=西城分局局长 --param on=2020-04-01
	@echo; echo "Explore the sample in a browser at http://127.0.0.1:8765/ (add --review to correct it):"
	@echo "  KG_DATA_DIR=$(KG_DATA_DIR) $(BIN)/kg serve"

# Headless Chromium renders `kg viz` pages and drives `kg serve` (Playwright with this chromium,
# never a browser of Playwright's own) in the tests; a CJK font draws the labels.
test-deps:
	@command -v chromium >/dev/null && dpkg -s fonts-wqy-microhei fonts-arphic-uming >/dev/null 2>&1 || \
	  { echo "installing chromium and CJK fonts (HTML view tests; PDFs and scans of the parity harness)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei fonts-arphic-uming >/dev/null; }

# The licence notices must match the installed dependencies; the suite includes the wheel
# test (tests/test_packaging.py, marked `packaging`: it builds and installs the wheel).
test: install test-deps
	$(BIN)/python tools/third_party.py --check
	$(BIN)/pytest -q

# Real documents with hand-written gold: P/R/F1 per kind on the development and sealed halves.
REAL := tests/fixtures/real
# The precision of every rule on the development half is kept for the review queue
# (kg/review/rule_precision.json, shipped; commit it when it changes).
eval: install
	$(BIN)/kg eval --gold $(REAL)/gold $(REAL)/docs
	$(BIN)/kg eval --gold $(REAL)/gold $(REAL)/docs --split dev --save-rules kg/review/rule_precision.json >/dev/null

# The explorer's browser libraries (Cytoscape.js, fCoSE) are committed copies in
# kg/serve/static/vendor, so that neither a clone nor the wheel needs npm; this refreshes them
# from tools/explorer/package-lock.json after a change there.
explorer-assets: install
	cd tools/explorer && npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python tools/explorer/vendor.py
	$(BIN)/python tools/third_party.py

bench: install
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .kgdata *.egg-info .pytest_cache
