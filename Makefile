# Developer entry points. `make run` and `make test` are the two set-up commands of the README.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test install samples migrate load editor services services-stop lint bench

# Absolute URIs (manifests, image services) follow the port unless PUBLIC_BASE_URL says otherwise.
run: install samples migrate load editor
	PUBLIC_BASE_URL="$${PUBLIC_BASE_URL:-http://127.0.0.1:$(PORT)}" $(PY) manage.py runserver 127.0.0.1:$(PORT)

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet --editable ".[test]"
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
test: install
	-@$(MAKE) --no-print-directory services
	$(PY) -m pytest --ds=archive.settings.test

# Real services for the service tests; tests skip locally without them and fail in CI (CI=true).
services:
	scripts/elasticsearch.sh start
	scripts/postgres.sh start
	scripts/seaweedfs.sh start

services-stop:
	scripts/elasticsearch.sh stop
	scripts/postgres.sh stop
	scripts/seaweedfs.sh stop

lint: install
	$(VENV)/bin/ruff check .
