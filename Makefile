# Seoul Smart City Prize portal — the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format install messages compilemessages system-deps-run system-deps-test node-deps clean bench-intake bench-judging bench-ranking bench-calibration bench-publication bench-retention

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstalled whenever pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed-run

install: $(VENV)/.installed-run

system-deps-run:
	@scripts/system-deps.sh run

system-deps-test:
	@scripts/system-deps.sh test

# --ignore-scripts: vnu-jar's postinstall would download a Java runtime from GitHub
# when java is missing; Java comes from Debian (system-deps-test).
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

node-deps: node_modules/.installed

compilemessages: $(VENV)/.installed-run system-deps-run
	$(MANAGE) compilemessages -v0 --ignore='.venv' --ignore='node_modules'

# Quick start: SQLite, eager Celery, local media, console e-mail.
run: export DJANGO_SETTINGS_MODULE := prize_portal.settings.local
# Links in e-mails, canonical and share URLs name the port actually served.
run: export SITE_URL ?= http://localhost:$(PORT)
run: $(VENV)/.installed-run compilemessages
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) seed_prize
	$(MANAGE) seed_privacy
	$(MANAGE) seed_demo_edition
	$(MANAGE) seed_demo_users
	$(MANAGE) seed_demo_entries
	$(MANAGE) seed_demo_judging
	$(MANAGE) seed_demo_results
	$(MANAGE) seed_demo_events
	@echo "Serving the portal on http://localhost:$(PORT)/ (Ctrl-C to stop)"
	$(MANAGE) runserver $(HOST):$(PORT)

# Every test. With DATABASE_URL / REDIS_URL set, the integration tests use
# PostgreSQL and Redis; REQUIRE_SERVICES=1 turns a missing service into a failure.
test: export DJANGO_SETTINGS_MODULE := prize_portal.settings.test
test: $(VENV)/.installed-dev system-deps-test node-deps compilemessages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Style, types, the layers (import-linter contracts in pyproject.toml) and the templates.
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(BIN)/lint-imports
	$(BIN)/djlint templates --lint

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Uploads a 20 MB PDF through gunicorn (one sync worker, throw-away database and
# media) and prints the worker's peak memory growth and the time; fails at 20 MB.
bench-intake: $(VENV)/.installed-run
	$(BIN)/python scripts/bench_intake.py $(BENCH_ARGS)

# Automatic assignment of 10,000 entries x 300 judges x 3 (pure Python, target
# 10 s), then the reviewer pages' server time for a judge with 500 assignments
# on PostgreSQL (its own database bench_judging; DATABASE_URL names the server).
bench-judging: $(VENV)/.installed-dev
	$(BIN)/python scripts/bench_assignment.py $(BENCH_ARGS)
	DJANGO_SETTINGS_MODULE=prize_portal.settings.test $(BIN)/python scripts/bench_dashboard.py

# Ranking of 180,000 criterion scores (10,000 entries x 3 judges x 6 criteria,
# 300 judges) with each method; fails when calibrated with intervals takes > 3 s.
bench-ranking: $(VENV)/.installed-run
	$(BIN)/python scripts/bench_ranking.py $(BENCH_ARGS)

# The calibrated method with judge scale against the additive one on simulated panels with a known
# truth (10 seeds of 240 entries, 16 judges, 3 per entry, 6 criteria: top-42 precision, and how many
# pairs the 90% intervals separate and how many of those in the true order), then the fit's time at
# 50,000 entries. Exit status 1 when an accuracy target is missed.
bench-calibration: $(VENV)/.installed-run
	$(BIN)/python scripts/bench_calibration.py $(BENCH_ARGS)

# Publication day: certificates per second through the whole pipeline against
# bare WeasyPrint on the same HTML (target 0.8), and the cached winners page's
# requests per second under load against a minimal Django view (target 0.6).
bench-publication: $(VENV)/.installed-run system-deps-run
	$(BIN)/python scripts/bench_publication.py $(BENCH_ARGS)

# Removing an edition's personal data after its retention period, on PostgreSQL (its own
# databases bench_retention*): a year's prize (250 entries, 625 people, their files,
# audit trail, outbox and sessions), the dry run, then the run in batches against one
# batch, interleaved; fails when a run removes anything but what its dry run listed.
bench-retention: $(VENV)/.installed-dev
	$(BIN)/python scripts/bench_retention.py $(BENCH_ARGS)

# Refresh the catalogues after changing strings (then translate en and ko).
messages: $(VENV)/.installed-dev
	$(MANAGE) makemessages -l en -l ko -l ja -l zh_Hans -l es -l fr --no-obsolete \
		--ignore='.venv/*' --ignore='node_modules/*' --ignore='tests/*' --ignore='staticfiles/*'
	@# English is the source language: its catalogue repeats every msgid (no fuzzy guesses).
	msgfilter --keep-header -i locale/en/LC_MESSAGES/django.po -o locale/en/LC_MESSAGES/blank.po sed -e d
	msgen locale/en/LC_MESSAGES/blank.po | msgattrib --clear-fuzzy - -o locale/en/LC_MESSAGES/django.po
	rm locale/en/LC_MESSAGES/blank.po

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .mypy_cache .ruff_cache
