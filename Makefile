# Two commands matter: `make run` (set up and serve the app) and `make test`.
PYTHON ?= python3.13
VENV := .venv
BIN := $(VENV)/bin
SEED ?= ../shared/data/seeds/000_6d07c0304cd3fc04.txt
SEED_PUBLISHED ?= 2025-07-20

# What the tests run with unless the caller says otherwise.
TEST_ENV := SECRET_KEY=$${SECRET_KEY:-test-only-not-a-secret} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost,testserver} \
	REDIS_URL=$${TEST_REDIS_URL:-redis://127.0.0.1:6379/15} \
	DEBUG=$${DEBUG:-0} \
	STATIC_MANIFEST=$${STATIC_MANIFEST:-0} \
	READER_CACHE_SECONDS=$${READER_CACHE_SECONDS:-0}

.PHONY: run test lint format clean screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	SEED="$(SEED)" SEED_PUBLISHED="$(SEED_PUBLISHED)" bin/run-dev

test: $(VENV)/.installed-dev
	$(TEST_ENV) $(BIN)/pytest $(PYTEST_ARGS)

# The README's pictures: tests/test_tour.py walks the «first hour» in Chromium and
# saves docs/screenshots/*.png (small palette PNGs, each under 150 KB).
screenshots: $(VENV)/.installed-dev
	@fc-list 2>/dev/null | grep -q "Noto Naskh Arabic" || echo "Arabic will be drawn in a fallback font: apt-get install fonts-noto-core" >&2
	$(TEST_ENV) TOUR_SCREENSHOTS=docs/screenshots NEWSROOM_REQUIRE_SERVICES=1 $(BIN)/pytest -q tests/test_tour.py

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis
