# Participatie: every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export FLASK_APP := app.py

.PHONY: run test test-scaleout install translations extract-messages update-translations migrate-check clean

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
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k _t -k _public --ignore-dirs='.* node_modules __pycache__ reports' -o translations/messages.pot --no-location --sort-output .

update-translations: extract-messages
	$(BIN)/pybabel update -i translations/messages.pot -d translations --ignore-obsolete --no-fuzzy-matching
	$(BIN)/python scripts/fill_english.py
	$(BIN)/python scripts/set_dutch.py --merge participatie/*/TRANSLATIONS_NL.tsv $(wildcard participatie/*/*/TRANSLATIONS_NL.tsv) > /dev/null
	for lang in tr ar; do $(BIN)/python scripts/set_translations.py $$lang $$(ls translations/$$lang/*.tsv 2>/dev/null); done

run: install
	$(BIN)/flask db upgrade
	$(BIN)/flask geo ensure
	$(BIN)/flask storage migrate-photos
	$(BIN)/flask seed-demo --if-empty
	@# Side loops, stopped when the server stops: `flask jobs tick` every minute, and the
	@# RQ mail worker when REDIS_URL is set (without it, mail is sent in-process).
	JOBS_PID=; WORKER_PID=; \
	trap 'kill $$JOBS_PID $$WORKER_PID 2>/dev/null' EXIT INT TERM; \
	$(BIN)/flask jobs loop --every 60 & JOBS_PID=$$!; \
	if [ -n "$$REDIS_URL" ]; then $(BIN)/rq worker mail --with-scheduler --url "$$REDIS_URL" & WORKER_PID=$$!; fi; \
	FLASK_SESSION_COOKIE_SECURE=$${FLASK_SESSION_COOKIE_SECURE:-false} $(BIN)/flask run --host 127.0.0.1 --port $(PORT)

test: install
	$(BIN)/python -m pytest

# Two gunicorn hosts behind nginx (docs/deploy files) on an own PostgreSQL database and redis-server,
# with an RQ worker and a tick loop: photos, imports, limits, logs, a killed host, Redis gone.
# Needs PostgreSQL on 127.0.0.1:5432 (SCALEOUT_PG), redis-server and nginx (installed when root).
# SCALEOUT_KEEP=1 keeps the logs. Prints one summary line; exit 1 on failure.
test-scaleout: install
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light; } \
	  || { echo "nginx is missing: apt-get install -y nginx-light"; exit 1; }
	cd scripts && ../$(BIN)/python scaleout.py

# Measures (QUALITY.md); exits 0 even when over budget unless BENCH_STRICT=1.
# BENCH_SIZES="1000" for a quick run; PostgreSQL is included when pg_isready answers.
bench: install
	$(BIN)/python -m pip install --quiet -e '.[test,browser]'
	$(BIN)/python scripts/bench.py

# Concurrent support toggles on loopback; fails on any 5xx, lost or duplicate support.
# LOADTEST_DB=postgresql (or ARGS=--pg), LOADTEST_THREADS, LOADTEST_SECONDS.
loadtest: install
	$(BIN)/python scripts/loadtest.py $(ARGS)

# Browser suite (tests/browser): the real server in headless Chromium at phone size, axe-core,
# keyboard walks, CSRF, transfer. Needs Debian's Chromium and axe-core from npm (dev tooling).
.PHONY: test-browser lighthouse
test-browser: install
	$(BIN)/python -m pip install --quiet -e '.[test,browser]'
	npm install --no-audit --no-fund --silent
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq chromium; } \
	  || { echo "Chromium is missing: apt-get install chromium"; exit 1; }
	$(BIN)/python -m pytest tests/browser -p no:cacheprovider  # an explicit path overrides addopts --ignore

# Lighthouse (mobile) on /, /ideas, an idea, /map and the post form; exits 1 when a QUALITY.md
# budget is missed. Reports in reports/lighthouse/.
lighthouse: install
	npm install --no-audit --no-fund --silent
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq chromium; } \
	  || { echo "Chromium is missing: apt-get install chromium"; exit 1; }
	CHROME_PATH=/usr/bin/chromium $(BIN)/python scripts/lighthouse.py $(ARGS)

# PDFs (WeasyPrint) need pango/harfbuzz/fontconfig and a font; the PDF tests also use pdftoppm.
# Installs them with apt-get only when run as root and something is missing; CI runs this before `make test`.
PRINT_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libfontconfig1 fonts-dejavu-core poppler-utils
.PHONY: print-deps
print-deps:
	@if ldconfig -p | grep -q libpango-1.0.so.0 && ldconfig -p | grep -q libpangoft2-1.0.so.0 && command -v pdftoppm >/dev/null \
	  && fc-list 2>/dev/null | grep -qi dejavu; then echo "print-deps: present"; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PRINT_LIBS); \
	else echo "print-deps: missing; run as root: apt-get install -y $(PRINT_LIBS)"; exit 1; fi

clean:
	rm -rf $(VENV) .pytest_cache
