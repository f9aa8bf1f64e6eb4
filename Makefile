# Two entry points for a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# the database file: $ALIGNMENT_DB when set, else the default
DB ?= $(or $(ALIGNMENT_DB),data/alignment.duckdb)
PORT ?= 8501
# app processes behind nginx for `make serve`
REPLICAS ?= 2

.PHONY: run serve test test-fast lint fmt build browser nginx clean i18n

$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Debian's chromium serves kaleido (chart images) and the browser tests; never a downloaded browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

# Debian's nginx in front of the replicas (`make serve`, and the test of it); run by `make serve` itself,
# never as a system service
nginx:
	@test -x /usr/sbin/nginx || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }

build: $(VENV)/.installed
	$(PY) -m dashboard.build --out $(DB)

run: $(VENV)/.installed browser
	@test -f $(DB) || $(PY) -m dashboard.build --out $(DB)
	ALIGNMENT_DB=$(DB) $(VENV)/bin/streamlit run dashboard/app.py --server.port $(PORT)

# REPLICAS app processes (ASGI: pages and /api/v1 on one port) behind nginx on 127.0.0.1:$(PORT), in the
# foreground; Ctrl-C (or SIGTERM) stops every process it started. See docs/deploy.md. `exec`: the supervisor
# replaces the recipe's shell, so make waits for it to finish stopping rather than for a shell that a
# signal ends at once.
serve: $(VENV)/.installed browser nginx
	@test -f $(DB) || $(PY) -m dashboard.build --out $(DB)
	ALIGNMENT_DB=$(DB) exec $(PY) -m dashboard.serve --port $(PORT) --replicas $(REPLICAS)

# lint and format check first: a red lint fails before the slow tests start
test: $(VENV)/.installed browser nginx lint
	$(PY) -m pytest

# everything but the browser tests: no chromium needed
test-fast: $(VENV)/.installed
	$(PY) -m pytest -m "not browser"

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# message catalogs: extract the marked strings, merge them into the Serbian (Latin) catalog, compile it.
# The compiled .mo is committed, so run/test need no compile step; a test fails when it is out of date.
LOCALES := dashboard/locale
i18n: $(VENV)/.installed
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ --no-location --sort-output \
		--project "Serbia Alignment Monitor" -o $(LOCALES)/messages.pot dashboard
	$(VENV)/bin/pybabel update -i $(LOCALES)/messages.pot -d $(LOCALES) -l sr_Latn --no-fuzzy-matching --width 120
	$(VENV)/bin/pybabel compile --statistics -d $(LOCALES) -l sr_Latn

clean:
	rm -rf $(VENV) $(DB) $(DB).tmp
