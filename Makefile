# The README's commands. `make run` serves the site; `make test` passes the whole suite.
VENV ?= .venv
PYTHON := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: venv run test test-fast ci lint format migrations-check deploy-check bench bench-pages bench-import editor browser-deps clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $(STAMP)

venv: $(STAMP)

# Serve the site on an embedded SQLite database with the seed articles, in development mode.
run: $(STAMP)
	mkdir -p var
	DEBUG=true $(PYTHON) manage.py migrate --noinput
	DEBUG=true $(PYTHON) manage.py load_seeds
	@echo "Editor login: run 'make editor' in another terminal, then open http://$(HOST):$(PORT)/admin/"
	DEBUG=true $(PYTHON) manage.py runserver $(HOST):$(PORT)

# Create an editor (superuser) account for the admin of the `make run` database.
editor: $(STAMP)
	DEBUG=true $(PYTHON) manage.py createsuperuser

# The whole suite, browser tests included (Chromium, nginx and Java from Debian are installed
# when missing), spread over one pytest-xdist worker per CPU (TEST_WORKERS=0: one process). Each
# worker has its own test database, Chromium, live server and nginx ports; worksteal hands the
# long browser tests out so that no worker idles at the end while another still has a queue.
TEST_WORKERS ?= auto
test: $(STAMP) browser-deps
	$(PYTHON) -m pytest -n $(TEST_WORKERS) --dist worksteal

# Everything but the browser tests.
test-fast: $(STAMP)
	$(PYTHON) -m pytest -n $(TEST_WORKERS) --dist worksteal -m "not browser"

# axe-core runs inside the browser tests only (never shipped to readers); fetched once from the
# npm registry at a pinned version and checked against its digest.
AXE_VERSION := 4.14.1
AXE_SHA256 := 29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c
AXE := tests/browser/vendor/axe.min.js

$(AXE):
	mkdir -p $(dir $(AXE))
	cd $(dir $(AXE)) && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null \
		&& tar xzf axe-core-$(AXE_VERSION).tgz --strip-components=1 package/axe.min.js \
		&& rm axe-core-$(AXE_VERSION).tgz
	echo "$(AXE_SHA256)  $(AXE)" | sha256sum -c --quiet - || { rm -f $(AXE); exit 1; }

browser-deps: $(AXE)
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@# nginx in front of the page cache is tested for real (tests/test_nginx.py).
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { \
		echo "Installing Debian's nginx-light for the proxy-cache tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }
	@# The Nu HTML Checker (vnu.jar, tests/test_html_validity.py) runs on Java; under CI a missing
	@# runtime fails that test rather than skipping it.
	@command -v java >/dev/null 2>&1 || { \
		echo "Installing Debian's default-jre-headless for the Nu HTML Checker"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

# Style, formatting, the direction of dependencies between apps (import-linter contracts in
# pyproject.toml) and types (mypy with django-stubs).
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: $(STAMP)
	DEBUG=true $(PYTHON) manage.py makemigrations --check --dry-run

# `check --deploy` as production would run it: DEBUG off, every secret set, a shared cache, a
# real mail server and the public domain (safeguards/checks.py refuses anything less).
deploy-check: $(STAMP)
	DEBUG=false SECRET_KEY="$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		ALLOWED_HOSTS=news.example.org SITE_DOMAIN=news.example.org \
		CACHE_URL=redis://127.0.0.1:6379/1 EMAIL_URL=smtp+tls://newsdesk@mail.example.org:587 \
		ADMINS="Newsdesk ops <ops@news.example.org>" \
		$(PYTHON) manage.py check --deploy --fail-level WARNING

# Not part of the tests: speed targets are measured here, never asserted in timed tests.
bench: $(STAMP)
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	@command -v nginx >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null; }
	$(PYTHON) bench/article_page.py
	$(PYTHON) bench/pages.py
	$(PYTHON) bench/page_cache.py
	$(PYTHON) bench/spike.py

# Every reader page against the bare view; BENCH_SIZE=seed|200|archive (see bench/pages.py).
bench-pages: $(STAMP)
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(PYTHON) bench/pages.py

# Importing a 10,000-post, 50,000-comment WordPress export (BENCH_POSTS to change the size).
bench-import: $(STAMP)
	$(PYTHON) bench/wordpress_import.py

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache test-artifacts
