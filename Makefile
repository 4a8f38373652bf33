# Practice Hub: `make run` serves the demo hub; `make test` runs every check.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
UV_VERSION := 0.13.8
UV := $(shell command -v uv 2>/dev/null || echo var/tools/bin/uv)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PG_DIR ?= var/postgres
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install assets browser db demo run run-postgres lint check audit test test-postgres test-python format clean loadtest bench relevance

help:
	@echo "make run            install, prepare the database, load demo content, serve http://$(HOST):$(PORT)"
	@echo "make test           install what tests need and run every check (ruff, checks, migrations, pytest)"
	@echo "make run-postgres   as make run, on a throwaway PostgreSQL 15 cluster in $(PG_DIR)"
	@echo "make test-postgres  the pytest suite on a throwaway PostgreSQL 15 cluster"
	@echo "make loadtest       Locust against gunicorn + PostgreSQL; checks every post is stored once"
	@echo "make bench          page timings and queries on SQLite and PostgreSQL; BENCH_SIZES=\"10000 100000\" for both"
	@echo "make relevance      search relevance over the demo hub on SQLite and PostgreSQL; STEP=\"...\" keeps the figures"

var/tools/bin/uv:
	$(PYTHON) -m venv var/tools
	var/tools/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

var/frontend/.built: node_modules/.installed $(wildcard hub/static_src/*)
	npm run build
	touch $@

install: $(VENV)/.installed node_modules/.installed
assets: var/frontend/.built

# Debian's Chromium for the browser tests (never a downloaded browser).
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver)

db: install
	$(MANAGE) migrate --noinput

demo: db
	$(MANAGE) load_demo

run: install assets demo
	@echo
	@echo "Practice Hub is starting at http://$(HOST):$(PORT)/"
	@echo "Sign in at http://$(HOST):$(PORT)/accounts/sign-in/ as admin@practicehub.example / practicehub (the admin is at /admin/; members: any demo email / practicehub)"
	@echo
	$(MANAGE) runserver $(HOST):$(PORT)

run-postgres: install assets
	@trap '.ci/postgres stop $(CURDIR)/$(PG_DIR)' EXIT; \
	export DATABASE_URL=$$(.ci/postgres start $(CURDIR)/$(PG_DIR)); \
	$(MANAGE) migrate --noinput && $(MANAGE) load_demo && \
	echo "Serving on PostgreSQL ($$DATABASE_URL) at http://$(HOST):$(PORT)/" && \
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install assets
	DJANGO_SETTINGS_MODULE=hub.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=hub.settings.test $(MANAGE) makemigrations --check --dry-run

# Security audit: bandit on our code (reviewed findings carry `# nosec` with a reason), pip-audit on the lock.
audit: install
	$(VENV)/bin/bandit --quiet --configfile pyproject.toml --recursive hub home practice search
	UV=$(UV) $(PY) .ci/audit_dependencies.py

# The suite runs on one pytest-xdist worker per CPU; PYTEST_ARGS="-n0 tests/search" runs a part in one process.
PYTEST_ARGS ?= --numprocesses auto --dist loadgroup

test-python: install assets browser
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test: lint check audit test-python

test-postgres: install assets browser
	@pg_dir=$$(mktemp -d)/data; trap ".ci/postgres stop $$pg_dir; rm -rf $$(dirname $$pg_dir)" EXIT; \
	export DATABASE_URL=$$(.ci/postgres start $$pg_dir); \
	echo "Running the test suite on PostgreSQL at $$DATABASE_URL"; \
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Load test: $(LOADTEST_USERS) Locust users for $(LOADTEST_TIME) against gunicorn on PostgreSQL (bench/loadtest.sh).
LOADTEST_USERS ?= 20
LOADTEST_SPAWN_RATE ?= 5
LOADTEST_TIME ?= 60s
LOADTEST_WORKERS ?= 4

loadtest: install assets
	LOADTEST_USERS=$(LOADTEST_USERS) LOADTEST_SPAWN_RATE=$(LOADTEST_SPAWN_RATE) LOADTEST_TIME=$(LOADTEST_TIME) \
	LOADTEST_WORKERS=$(LOADTEST_WORKERS) bench/loadtest.sh

# Benchmarks: a hub of each size on SQLite and on a throwaway PostgreSQL cluster (kept in var/bench/
# for the next run), measured page by page; the report goes to bench/results/latest.{md,png}.
BENCH_SIZES ?= 10000
BENCH_RUNS ?= 20

bench: install assets
	@trap '.ci/postgres stop $(CURDIR)/var/bench/postgres' EXIT; \
	export BENCH_POSTGRES_URL=$$(.ci/postgres start $(CURDIR)/var/bench/postgres); \
	for size in $(BENCH_SIZES); do \
		for database in sqlite postgres; do \
			$(PY) bench/pages.py --items $$size --database $$database --runs $(BENCH_RUNS) || exit 1; \
		done; \
	done; \
	$(PY) bench/report.py --sizes "$(BENCH_SIZES)"
	$(MAKE) relevance

# Relevance: the demo hub on SQLite and on the bench's PostgreSQL cluster (database `relevance`), each
# searched with both relevance sets (bench/relevance.py); with STEP, the figures are kept under that
# name in bench/results/relevance.{json,md}, beside the steps before.
STEP ?=

relevance: install assets
	@trap '.ci/postgres stop $(CURDIR)/var/bench/postgres' EXIT; \
	postgres_url=$$(.ci/postgres start $(CURDIR)/var/bench/postgres relevance); \
	for url in sqlite:///$(CURDIR)/var/bench/relevance.sqlite3 $$postgres_url; do \
		DATABASE_URL=$$url $(MANAGE) migrate --noinput >/dev/null && \
		DATABASE_URL=$$url $(MANAGE) load_demo >/dev/null && \
		DATABASE_URL=$$url $(PY) bench/relevance.py $(if $(STEP),--step "$(STEP)") || exit 1; \
	done

clean:
	rm -rf $(VENV) node_modules var/frontend var/static var/tools
