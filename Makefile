# Two commands do all set-up on a fresh machine with Python 3.11: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test check lint bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# setuptools prints a nine-line notice on every editable install (a folder named like a package may shadow
# it: here the folders are the packages); that one notice is filtered, every other warning still shows.
$(STAMP): pyproject.toml | $(BIN)/python
	PYTHONWARNINGS="ignore:Editable installation:UserWarning" \
	$(BIN)/python -m pip install --quiet -e '.[telegram,slack,serve,dev]'
	@touch $(STAMP)

# The demo corpus stays in ./demo.db: keep asking with .venv/bin/quotebot chat --db demo.db
demo: $(STAMP)
	$(BIN)/quotebot demo --db demo.db

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Everything CI's test run does plus lint, types and the import contract.
check: $(STAMP)
	$(BIN)/ruff check bot adapters corpus tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
