# Every target sets itself up: the first use creates .venv and installs kb
# with its pinned dependencies; later uses reinstall only when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
	@# jieba imports pkg_resources when setuptools is present (~75 ms a process);
	@# nothing at run time needs setuptools, so keep it out of the venv.
	-$(VENV)/bin/python -m pip uninstall -q -y setuptools
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/kb $(ARGS)

test: $(STAMP)
	$(VENV)/bin/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	for f in bench/*.py; do $(VENV)/bin/python $$f || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info
