# Two commands for a newcomer: `make run` (set up, seed the demo, serve) and `make test`.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: install run serve test test-fast lint format bench profile restore-drill clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt tests/a11y/package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -c constraints.txt -e ".[dev]"
	@# axe-core for the accessibility browser tests (skipped when npm is missing)
	@if command -v npm >/dev/null; then npm ci --prefix tests/a11y --silent --no-audit --no-fund; fi
	touch $@

# The address the site is served on names it in links and emails too (see "Site identity").
run serve: export SITE_DOMAIN ?= $(HOST)

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Serving on http://$(HOST)/  (admin: http://$(HOST)/admin/); the task worker runs beside it"
	@$(MAKE) --no-print-directory serve

# The web server and the task worker (emails, scheduled jobs) side by side; Ctrl-C stops both.
serve: install
	@$(PY) manage.py db_worker --queue-name '*' & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST)

test: install
	$(PY) -m pytest

test-fast: install
	$(PY) -m pytest -m "not browser"

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Figures, never pass/fail: the site under gunicorn and wrk against the framework floor
# (PostgreSQL, Redis, production settings; takes about fifteen minutes).
bench: install
	$(PY) -m bench.run

# Where one page's time goes (pyinstrument), against the bench database: make profile PAGE=/
PAGE ?= /
profile: install
	$(PY) -m bench.profile $(PAGE)

# Proves a restore: backs up the demo, restores it into a fresh database and media folder, and
# compares every table's row count and every media file's checksum (DATABASE_URL for PostgreSQL).
restore-drill: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py restore_drill

clean:
	rm -rf $(VENV) staticfiles test-artifacts
