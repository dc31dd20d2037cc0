# Participatie: every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
WEB_WORKERS ?= 3
WEB_THREADS ?= 1
export FLASK_APP := app.py

.PHONY: run soak test test-scaleout install translations extract-messages update-translations migrate-check clean

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
	@# gunicorn with WEB_WORKERS single-threaded processes, not `flask run`: with several request
	@# threads in one process (flask run, or gunicorn --threads 4) the process crashed with a
	@# segmentation fault inside cursor.execute under `make soak` (issue 13). Side loops, stopped with the
	@# server: `flask jobs tick` every minute (digests, reminders, the mail outbox), and the RQ mail
	@# worker when REDIS_URL is set. Whichever stops first (Ctrl-C, SIGTERM, a crash) stops all.
	JOBS_PID=; WORKER_PID=; WEB_PID=; \
	trap 'kill $$WEB_PID $$JOBS_PID $$WORKER_PID 2>/dev/null; wait' EXIT INT TERM; \
	$(BIN)/flask jobs loop --every 60 & JOBS_PID=$$!; \
	if [ -n "$$REDIS_URL" ]; then $(BIN)/rq worker mail --with-scheduler --url "$$REDIS_URL" & WORKER_PID=$$!; fi; \
	FLASK_SESSION_COOKIE_SECURE=$${FLASK_SESSION_COOKIE_SECURE:-false} $(BIN)/gunicorn \
	  --workers $(WEB_WORKERS) --threads $(WEB_THREADS) --bind 127.0.0.1:$(PORT) \
	  --access-logfile - --graceful-timeout 5 app:app & WEB_PID=$$!; \
	wait $$WEB_PID

test: install
	$(BIN)/python -m pytest

# Mixed clients (reads, posts, supports, toggles) against `make run` on a free port with its own
# instance folder and database, on SQLite and PostgreSQL; fails on a crash, a 5xx, or support rows
# that differ from the counters. SOAK_SECONDS (60), SOAK_CLIENTS (10), SOAK_DATABASES (sqlite,postgresql).
soak: install
	$(BIN)/python scripts/soak.py

# Two gunicorn hosts behind nginx (docs/deploy files) on an own PostgreSQL database and redis-server,
# with an RQ worker and a tick loop: photos, imports, limits, logs, a killed host, Redis gone.
# Needs PostgreSQL on 127.0.0.1:5432 (SCALEOUT_PG), redis-server and nginx (installed when root).
# SCALEOUT_KEEP=1 keeps the logs. Prints one summary line; exit 1 on failure.
test-scaleout: install
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light; } \
	  || { echo "nginx is missing: apt-get install -y nginx-light"; exit 1; }
	cd scripts && ../$(BIN)/python scaleout.py

# Measures (QUALITY.md); exits 0 even when over budget unless BENCH_STRICT=1; writes docs/performance.md.
# BENCH_SIZES="1000" for a quick run, "1000,10000,100000" for the large one; PostgreSQL is included when
# pg_isready answers (BENCH_PG_DB: the database it drops and re-creates). See docs/performance.md.
bench: install
	$(BIN)/python -m pip install --quiet -e '.[test,browser]'
	$(BIN)/python scripts/bench.py

# N = 100,000 on PostgreSQL (seeding about 2 minutes, the run about 10); tables in docs/performance-100k.md.
bench-large: install
	$(BIN)/python -m pip install --quiet -e '.[test,browser]'
	BENCH_SIZES=100000 BENCH_DATABASES=$${BENCH_DATABASES:-postgresql} BENCH_DOCS=docs/performance-100k.md $(BIN)/python scripts/bench.py

# Concurrent support toggles on loopback; fails on any 5xx, lost or duplicate support.
# LOADTEST_DB=postgresql (or ARGS=--pg), LOADTEST_THREADS, LOADTEST_SECONDS.
loadtest: install
	$(BIN)/python scripts/loadtest.py $(ARGS)

# Browser suite (tests/browser): the real server in headless Chromium at phone size, axe-core,
# keyboard walks, CSRF, transfer, the W3C Nu checker. Needs Debian's Chromium and a Java runtime,
# axe-core and vnu-jar from npm (dev tooling).
.PHONY: test-browser lighthouse
test-browser: install
	$(BIN)/python -m pip install --quiet -e '.[test,browser]'
	npm install --no-audit --no-fund --silent
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq chromium; } \
	  || { echo "Chromium is missing: apt-get install chromium"; exit 1; }
	@command -v java >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq default-jre-headless; } \
	  || { echo "Java is missing: apt-get install default-jre-headless"; exit 1; }
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
