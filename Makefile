# Developer entry points. `make run` and `make test` are the two set-up commands of the README.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run serve test install samples migrate load editor services services-stop lint bench lock install-production static

# Absolute URIs (manifests, image services) follow the port unless PUBLIC_BASE_URL says otherwise.
BASE_URL := PUBLIC_BASE_URL="$${PUBLIC_BASE_URL:-http://127.0.0.1:$(PORT)}"
# Served the production way: gunicorn, with nginx in front where installed (scripts/serve.py says which).
SERVE := $(BASE_URL) $(PY) scripts/serve.py --port $(PORT)

# The first start, served as `make serve` serves; DEV=1: Django's development server, reloading on code changes.
run: install samples migrate load editor
ifeq ($(DEV),1)
	$(BASE_URL) $(PY) manage.py runserver 127.0.0.1:$(PORT)
else
	$(SERVE)
endif

serve: install samples migrate load editor
	$(SERVE)

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet --editable ".[test,dev]"
	touch $@

# Front-end packages (viewers) come from npm with a lock file and are served as static files.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

samples: install
	$(PY) collections/make_sample_images.py

migrate: install
	$(PY) manage.py migrate --noinput

# Loading is idempotent; the stamp only saves time when nothing under collections/ changed.
load: install
	@test -f var/archive.sqlite3 || rm -f var/.loaded
	@$(MAKE) --no-print-directory var/.loaded

var/.loaded: $(wildcard collections/*.yaml collections/*/*.yaml)
	$(PY) manage.py load_collections collections/
	touch $@

editor: install
	$(PY) manage.py ensure_editor --port $(PORT)

# The whole suite: the real services are started first where this machine can run them (they stay up;
# `make services-stop` stops them); a service test whose service cannot start skips with the reason.
# PYTEST_ARGS narrows or adds to the run (e.g. PYTEST_ARGS="tests/search -x").
test: install
	-@$(MAKE) --no-print-directory services
	$(PY) -m pytest --ds=archive.settings.test $(PYTEST_ARGS)

# Real services for the service tests; tests skip locally without them and fail in CI (CI=true).
services:
	scripts/elasticsearch.sh start
	scripts/postgres.sh start
	scripts/seaweedfs.sh start

services-stop:
	scripts/elasticsearch.sh stop
	scripts/postgres.sh stop
	scripts/seaweedfs.sh stop

# What CI checks first (.ci/run): the formatting, then the lint rules ([tool.ruff] in pyproject.toml).
lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

# --- Production ---
# requirements/production.txt: every runtime dependency of pyproject.toml, pinned with its hashes. Run after
# changing the dependencies in pyproject.toml (tests/operations/test_install_lock.py checks they agree).
LOCK_FLAGS := --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links
lock: $(VENV)/.installed
	$(VENV)/bin/pip-compile $(LOCK_FLAGS) --constraint requirements/debian-12.txt \
		--output-file requirements/production.txt pyproject.toml
	scripts/check_lock_python.sh 3.11.2

# A server's virtual environment: the locked runtime dependencies only, each checked against its hash, then
# the project itself without dependencies; no test or lint tools. PROD_VENV names another folder.
PROD_VENV ?= $(VENV)
install-production:
	test -x $(PROD_VENV)/bin/python || $(PYTHON) -m venv $(PROD_VENV)
	$(PROD_VENV)/bin/pip install --quiet --require-hashes --no-deps -r requirements/production.txt
	$(PROD_VENV)/bin/pip install --quiet --no-deps --editable .

# The static files of a release, viewers included, built where Node is (a server needs no Node): copy
# STATIC_ROOT (static_collected/) to the servers. collectstatic fails if the viewers' files are missing.
# Production settings for their storage (hashed names); the secret and hosts are placeholders unless given.
static: node_modules/.installed $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=archive.settings.production ALLOWED_HOSTS="$${ALLOWED_HOSTS:-static.build}" \
	SECRET_KEY="$${SECRET_KEY:-static-build-$$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')}" \
	$(PY) manage.py collectstatic --noinput
