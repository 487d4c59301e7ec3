# Two commands matter: `make run` and `make test`. `make setup` is what both start with.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEEDS ?= ../shared/corpus/seeds
OUT ?= out

.PHONY: setup run test bench clean

setup: $(STAMP)

# Re-install only when the pins or the package metadata change; a no-op run takes about a second.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,bench]'
	touch $(STAMP)

run: setup
	$(BIN)/storyweave analyze $(SEEDS) --out $(OUT)

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) $(OUT) build src/*.egg-info
