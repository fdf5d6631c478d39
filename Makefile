# Complaint Desk: two commands on a fresh machine, `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench screenshots translations build build-check clean lupdate

# Qt translations: the .ts files are the sources (committed), the .qm files are built from them
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# refresh the .ts sources from the strings in ui/ (then translate the new ones, e.g. in pyside6-linguist)
lupdate: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete $$(find ui -name '*.py' | sort) -source-language en -target-language zh_CN \
		-ts resources/translations/complaint_desk_zh_CN.ts
	$(VENV)/bin/pyside6-lupdate -no-obsolete -pluralonly $$(find ui -name '*.py' | sort) -source-language en \
		-target-language en -ts resources/translations/complaint_desk_en.ts

run: $(STAMP) $(QM)
	$(PY) -m ui

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n 2 $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) -m bench $(BENCH_ARGS)

screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.screenshots --out screenshots

translations: $(QM)

# One folder to copy onto a branch PC: dist/complaint-desk/complaint-desk (build.spec, PyInstaller).
build: $(STAMP) $(QM)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build.spec
	@du -sh dist/complaint-desk

# Build, then run the built program with PATH emptied apart from the bundle: selftest, init, user add,
# case add, print a slip to PDF, and the windows offscreen for a few seconds.
build-check: build
	$(PY) tests/packaging/bundle_check.py dist/complaint-desk

clean:
	rm -rf $(VENV) build dist screenshots .pytest_cache $(QM)
