# Reilu: `make run` for a demo on this machine, `make test` for the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export REILU_DEBUG ?= 1

.PHONY: install run test lint format migrate demo messages bench bench-pages bench-surge bench-scaleout eval-adcheck screenshots mutation clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/reilu migrate --noinput

demo: migrate
	$(BIN)/reilu demo

run: demo
	$(BIN)/reilu serve --host 127.0.0.1 --port 8000

test: install
	REILU_DEBUG=0 $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	cd reilu && ../$(BIN)/django-admin makemessages -l fi -l sv --no-obsolete --add-location file --settings=reilu.settings --pythonpath=..
	cd reilu && ../$(BIN)/django-admin compilemessages --settings=reilu.settings --pythonpath=..

# Mutation testing of the modules that hold the rules, each with only its own tests, one
# worker (tools/mutation.py). One module: make mutation MODULES=rules. Scores: docs/testing.md.
MODULES ?=
mutation: install
	$(BIN)/python -m pip install --quiet -e '.[test,mutation]'
	REILU_DEBUG=0 $(BIN)/python tools/mutation.py $(MODULES)

# CORPUS=DIR also scores a labelled development corpus (e.g. the one shared beside the checkout).
eval-adcheck: install
	$(BIN)/python -m reilu.adcheck.evaluate $(if $(CORPUS),--corpus $(CORPUS)) $(EVAL_ARGS)

bench: install
	$(BIN)/python bench/run.py

bench-pages: install
	$(BIN)/python bench/pages.py

# The decision surge (issue 17, item 5): 5,000 decision mails delivered while 2,000
# candidates open their status pages within a minute, on bench-pages' database.
bench-surge: install
	$(BIN)/python bench/surge.py

bench-scaleout: install
	$(BIN)/python bench/scaleout.py

# Small viewport PNGs for docs/tour.md, taken by the browser journeys (needs /usr/bin/chromium).
screenshots: install
	REILU_SCREENSHOT_DIR=docs/img REILU_DEBUG=0 $(BIN)/python -m pytest -q -p no:cacheprovider \
		tests/e2e/test_recruiter_journey.py tests/e2e/test_mobile.py -k "decides or 390px"

clean:
	rm -rf $(VENV) var .pytest_cache mutants
