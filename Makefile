# Konvert tasks: `make lint types test` is what CI runs (.ci/run); see the README.
PYTHON ?= python
PYTEST = $(PYTHON) -m pytest
export QT_QPA_PLATFORM ?= offscreen
export QTWEBENGINE_CHROMIUM_FLAGS ?= --no-sandbox --disable-gpu

.PHONY: check lint types test test-fast test-cores bench

check: lint types test

# ruff (style, bugs, security) and the import contracts of style.md.
lint:
	ruff check .
	lint-imports

# mypy --strict over the code and the tests.
types:
	$(PYTHON) -m mypy

# The whole suite: SQLite, PostgreSQL and the Qt tests, on two workers.
test:
	$(PYTEST) -n 2

# The inner loop: no Qt, no PostgreSQL, nothing slow; stops at the first failure.
test-fast:
	$(PYTEST) -q -x -m "not gui and not slow and not postgres"

# The core suite with Qt refused at import (tests/qtblock.py): the layers hold at run time.
test-cores:
	KONVERT_BLOCK_QT=1 $(PYTEST) -q -n 2 -p no:pytest-qt -W "ignore::pytest.PytestConfigWarning" \
		-m "not gui" tests

# Quick speed figures (the long benchmarks, e.g. segment_count.py, run by hand).
bench:
	$(PYTHON) benchmarks/cli_start.py
