# Two commands, both doing all set-up on a fresh machine with Python 3.11+ and make:
#   make play   create .venv, install sim and the default model, open the app
#   make test   the same set-up with the test extras, then the whole suite
# Both are idempotent: a second run reinstalls nothing.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
APP    := $(VENV)/.installed-app
TESTS  := $(VENV)/.installed-test

.PHONY: play test model bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(APP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(TESTS): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@ $(APP)

model: $(APP)
	$(BIN)/sim model install

play: model
	$(BIN)/sim

test: $(TESTS)
	$(BIN)/sim model install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: model
	$(BIN)/sim bench

lint: $(TESTS)
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) build dist .pytest_cache
