# Two commands matter: `make run` and `make test`. `make setup` is what both start with.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEEDS ?= ../shared/corpus/seeds
OUT ?= out

.PHONY: setup browser run test bench clean

setup: $(STAMP) browser

# Debian's chromium for the real-browser test (Playwright cannot download its own browsers here) and wrk
# for the API load benchmark.
browser:
	@{ command -v chromium && command -v wrk; } >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium wrk >/dev/null; } || \
		echo "make: chromium or wrk is missing and this user cannot apt-get them; the browser test will fail"

# Re-install only when the pins or the package metadata change; a no-op run takes about a second.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[web,test,browser,bench]'
	touch $(STAMP)

run: setup
	$(BIN)/storyweave analyze $(SEEDS) --out $(OUT)

test: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) $(OUT) build src/*.egg-info
