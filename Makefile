# Participatie: every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export FLASK_APP := app.py

.PHONY: run test install translations extract-messages update-translations migrate-check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed translations

translations: $(VENV)/.installed
	$(BIN)/pybabel compile -d translations --statistics

extract-messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k _t --ignore-dirs='.* node_modules __pycache__ reports' -o translations/messages.pot --no-location --sort-output .

update-translations: extract-messages
	$(BIN)/pybabel update -i translations/messages.pot -d translations --ignore-obsolete --no-fuzzy-matching
	$(BIN)/python scripts/fill_english.py

run: install
	$(BIN)/flask db upgrade
	$(BIN)/flask geo ensure
	$(BIN)/flask seed-demo --if-empty
	$(BIN)/flask run --host 127.0.0.1 --port $(PORT)

test: install
	$(BIN)/python -m pytest

# Measures (QUALITY.md); exits 0 even when over budget unless BENCH_STRICT=1.
# BENCH_SIZES="1000" for a quick run; PostgreSQL is included when pg_isready answers.
bench: install
	$(BIN)/python scripts/bench.py

# Concurrent support toggles on loopback; fails on any 5xx, lost or duplicate support.
# LOADTEST_DB=postgresql (or ARGS=--pg), LOADTEST_THREADS, LOADTEST_SECONDS.
loadtest: install
	$(BIN)/python scripts/loadtest.py $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache
