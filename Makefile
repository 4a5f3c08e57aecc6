# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
DEMO_DB ?= demo.duckdb

.PHONY: demo test test-all lint bench eval docs clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[serve,test,dask]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

demo: $(STAMP)  ## the main job on the bundled example articles
	rm -f $(DEMO_DB)
	$(VENV)/bin/sitroom run examples/wikinews --db $(DEMO_DB)

test: $(STAMP)  ## the test suite; installs Debian's chromium and R's readr for the browser and R tests when it can
	VENV=$(VENV) bash .ci/browser-deps.sh || echo "WARNING: chromium could not be installed: browser tests will be SKIPPED"
	bash .ci/r-deps.sh || echo "WARNING: R's readr could not be installed: the R round-trip test will be SKIPPED"
	$(PY) -m pytest -q

test-all: $(STAMP)  ## including slow tests
	$(PY) -m pytest -q --runslow

eval: $(STAMP)  ## quality figures on the development gold
	$(VENV)/bin/sitroom eval ../shared/gold/dev

docs: $(STAMP)  ## regenerate the generated docs (CLI help, ontology, quality figures, README demo output)
	$(PY) scripts/gen_cli_docs.py
	$(PY) scripts/gen_ontology_docs.py
	$(PY) scripts/gen_quality_docs.py > /dev/null
	$(PY) scripts/gen_readme_demo.py

bench: $(STAMP)  ## throughput benchmark (prints figures; not part of the tests)
	$(PY) bench/throughput.py

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache
