# Two entry points for a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# the database file: $ALIGNMENT_DB when set, else the default
DB ?= $(or $(ALIGNMENT_DB),data/alignment.duckdb)
PORT ?= 8501

.PHONY: run test build browser clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Debian's chromium serves kaleido (chart images) and the browser tests; never a downloaded browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

build: $(VENV)/.installed
	$(PY) -m dashboard.build --out $(DB)

run: $(VENV)/.installed browser
	@test -f $(DB) || $(PY) -m dashboard.build --out $(DB)
	ALIGNMENT_DB=$(DB) $(VENV)/bin/streamlit run dashboard/app.py --server.port $(PORT)

test: $(VENV)/.installed browser
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) $(DB) $(DB).tmp
