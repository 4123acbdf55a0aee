# Build, test and demo tooling for the bicom.pbxware Ansible collection.
#
#   make demo    set up, build and install the collection, run playbooks/demo.yml
#                against the bundled PBXware API simulator (then again with --check --diff)
#   make test    everything CI runs (see `make help` for the individual steps)
#
# Only Python and git are needed up front: the virtual environments under .venv/
# are created on first use and reused afterwards (a stamp records their inputs).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.ONESHELL:
.DELETE_ON_ERROR:
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules --no-builtin-variables

ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))

NAMESPACE := bicom
NAME := pbxware
VERSION := $(shell sed -nE 's/^version:[[:space:]]*"?([0-9][^"[:space:]]*)"?.*/\1/p' $(ROOT)/galaxy.yml)

# --- Pythons ------------------------------------------------------------------
# PYTHON: main interpreter (ansible-core 2.21 needs >= 3.12). From the environment
# or the command line, else the newest pyenv/PATH CPython 3.12+, else python3.
ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell $(ROOT)/hack/find-python.sh 12 99 || echo python3)
endif
# PYTHON_219: interpreter of the ansible-core 2.19 venv (3.11, the default python3 here).
ifeq ($(origin PYTHON_219),undefined)
PYTHON_219 := $(shell $(ROOT)/hack/find-python.sh 11 11 || echo python3)
endif
# PYTHON_39: oldest target Python for modules (tests/config.yml); optional compile check.
ifeq ($(origin PYTHON_39),undefined)
PYTHON_39 := $(shell $(ROOT)/hack/find-python.sh 9 9 || true)
endif

# Sub-makes (the steps of `make test`) inherit the choice instead of searching again.
export PYTHON PYTHON_219 PYTHON_39

VENV := $(ROOT)/.venv/main
VENV_219 := $(ROOT)/.venv/core-2.19
VBIN := $(VENV)/bin
VBIN_219 := $(VENV_219)/bin

# --- Trees --------------------------------------------------------------------
BUILD := $(ROOT)/build
# ansible-test only runs inside .../ansible_collections/NAMESPACE/NAME: the sources
# are mirrored there (hack/stage.py), one copy per ansible-core version so that
# their tests/output (results, ansible-test's venvs) stay apart.
COLL_221 := $(BUILD)/core-2.21/ansible_collections/$(NAMESPACE)/$(NAME)
COLL_219 := $(BUILD)/core-2.19/ansible_collections/$(NAMESPACE)/$(NAME)
DIST := $(BUILD)/dist
TARBALL := $(DIST)/$(NAMESPACE)-$(NAME)-$(VERSION).tar.gz
# `make demo` installs the built tarball here, not in ~/.ansible/collections:
# the demo then runs exactly what a user installs, it cannot pick up (or
# overwrite) another copy of the collection, and `make clean` removes it.
COLLECTIONS_PATH := $(BUILD)/collections

# Extra arguments, e.g. make sanity SANITY_ARGS='--test pylint'
SANITY_ARGS ?=
UNITS_ARGS ?=
INTEGRATION_ARGS ?=
SIM_PYTEST_ARGS ?=
LINT_ARGS ?=
DEMO_ARGS ?=
BENCH_ARGS ?=

COLOR := $(if $(filter true,$(CI)),--color no,)

# Steps of `make test`, in order. A leading `!` marks setup steps that must pass
# before the others run; the rest all run, and the run fails if any failed.
# Steps joined by `+` run side by side (one core each; `integrations` takes both).
# They never share a writable tree: each writes its own build/ or tests/output/
# directory and starts its own simulator, and the setup steps have staged and
# installed the collection once (TEST_ASSUME_MADE is not remade after them).
TEST_STEPS := !venv+venv-2.19 !stage !install \
	check+changelog-lint docs-lint+ee-check sanity-2.19+sanity-2.21 lint+behaviour \
	units-2.19+sim-test units-2.21+newman integrations \
	inventory-test+drift-test molecule+awx-test build-check
TEST_ASSUME_MADE := venv,venv-2.19,stage,install,build

# =============================================================================
##@ Main entry points

.PHONY: help
help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^##@/ {printf "\n%s\n", substr($$0, 5)} /^[a-zA-Z0-9_.-]+:.*## / {printf "  make %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	echo
	echo "  PYTHON=$(PYTHON)  PYTHON_219=$(PYTHON_219)  PYTHON_39=$(or $(PYTHON_39),none)"

.PHONY: demo
demo: venv build install ## Build + install the collection, run playbooks/demo.yml against the simulator (twice)
	@echo "==> demo: collection $(NAMESPACE).$(NAME) $(VERSION) installed in $(COLLECTIONS_PATH)"
	ANSIBLE_COLLECTIONS_PATH=$(COLLECTIONS_PATH) PATH="$(VBIN):$$PATH" \
		$(ROOT)/hack/demo.sh $(DEMO_ARGS)

.PHONY: shell
shell: venv ## A shell with .venv/main/bin on PATH (ansible-doc, ansible-playbook, ...); `exit` to leave
	@echo "==> shell: .venv/main/bin is first on PATH; ansible.cfg here points Ansible at build/collections (make install)"
	cd $(ROOT)
	VIRTUAL_ENV=$(VENV) PATH="$(VBIN):$$PATH" "$${SHELL:-bash}" -i

.PHONY: test
test: ## Run every check: sanity (2.19 + 2.21), units, simulator, newman, integration, lint, docs
	@"$(PYTHON)" $(ROOT)/hack/run-steps.py --make "$(MAKE)" --summary $(BUILD)/test-summary.txt \
		--logs $(BUILD)/steps --assume-made $(TEST_ASSUME_MADE) $(TEST_STEPS)

# =============================================================================
##@ Setup

.PHONY: venv
venv: ## Create/update the main venv .venv/main (PYTHON, ansible-core 2.21, linters, simulator)
	@"$(PYTHON)" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "ansible-core 2.21 needs Python >= 3.12; $(PYTHON) is " + sys.version.split()[0] + ". Set PYTHON=/path/to/python3.12+")'
	$(ROOT)/hack/mkvenv.sh $(VENV) "$(PYTHON)" $(ROOT)/requirements-dev.txt $(ROOT)/simulator
	$(ROOT)/hack/ansible-test-bootstrap.sh $(VBIN)/python
	$(ROOT)/hack/ensure-shellcheck.sh

.PHONY: venv-2.19
venv-2.19: ## Create/update .venv/core-2.19 (Python 3.11, ansible-core 2.19)
	@$(ROOT)/hack/mkvenv.sh $(VENV_219) "$(PYTHON_219)" $(ROOT)/requirements-dev-2.19.txt
	$(ROOT)/hack/ansible-test-bootstrap.sh $(VBIN_219)/python

.PHONY: stage
stage: ## Mirror the sources into build/core-*/ansible_collections/bicom/pbxware
	@"$(PYTHON)" $(ROOT)/hack/stage.py $(COLL_221)
	"$(PYTHON)" $(ROOT)/hack/stage.py $(COLL_219)

.PHONY: lock
lock: ## Re-pin the transitive dependencies (constraints-dev*.txt) from requirements-dev*.txt
	@# Pinned with the oldest Python the main venv supports (3.12), so the pins install
	# on 3.12 and 3.13 alike (Sphinx 9.2 does not install on 3.12).
	py312=$$($(ROOT)/hack/find-python.sh 12 12 || echo "$(PYTHON)")
	$(ROOT)/hack/lock.sh "$$py312" $(ROOT)/requirements-dev.txt $(ROOT)/constraints-dev.txt
	$(ROOT)/hack/lock.sh "$(PYTHON_219)" $(ROOT)/requirements-dev-2.19.txt $(ROOT)/constraints-dev-2.19.txt

# =============================================================================
##@ Checks (each is a step of `make test`)

.PHONY: check
check: venv ## Every module is in the action group; metadata; module code compiles on Python 3.9
	@$(VBIN)/python $(ROOT)/hack/check-collection.py $(if $(PYTHON_39),--py39 $(PYTHON_39),)
	if [ -z "$(PYTHON_39)" ]; then echo "check: WARNING: no Python 3.9 found; skipped the 3.9 compile check"; fi

.PHONY: no-sanity-ignores
no-sanity-ignores:
	@if ls $(ROOT)/tests/sanity/ignore-*.txt >/dev/null 2>&1; then
		echo "ERROR: sanity must pass without ignore files; remove:" $(ROOT)/tests/sanity/ignore-*.txt >&2
		exit 1
	fi

.PHONY: sanity
sanity: sanity-2.19 sanity-2.21 ## ansible-test sanity under ansible-core 2.19 and 2.21

.PHONY: sanity-2.21
sanity-2.21: venv stage no-sanity-ignores ## ansible-test sanity --venv under ansible-core 2.21 (main Python)
	@cd $(COLL_221)
	pyver=$$($(VBIN)/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')
	echo "==> ansible-test sanity (ansible-core $$($(VBIN)/python -c 'import ansible.release as r; print(r.__version__)'), Python $$pyver)"
	PATH="$(VBIN):$$PATH" ansible-test sanity --venv --python "$$pyver" $(COLOR) $(SANITY_ARGS)

.PHONY: sanity-2.19
sanity-2.19: venv-2.19 stage no-sanity-ignores ## ansible-test sanity --venv under ansible-core 2.19 (Python 3.11)
	@cd $(COLL_219)
	pyver=$$($(VBIN_219)/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')
	echo "==> ansible-test sanity (ansible-core $$($(VBIN_219)/python -c 'import ansible.release as r; print(r.__version__)'), Python $$pyver)"
	PATH="$(VBIN_219):$$PATH" ansible-test sanity --venv --python "$$pyver" $(COLOR) $(SANITY_ARGS)

.PHONY: units
units: units-2.19 units-2.21 ## ansible-test units under ansible-core 2.19 and 2.21

.PHONY: units-2.21
units-2.21: venv stage ## ansible-test units --venv under ansible-core 2.21 (main Python, 2 workers)
	@$(ROOT)/hack/run-units.sh $(COLL_221) $(VBIN) $(UNITS_ARGS)

.PHONY: units-2.19
units-2.19: venv-2.19 stage ## ansible-test units --venv under ansible-core 2.19 (Python 3.11, 2 workers)
	@$(ROOT)/hack/run-units.sh $(COLL_219) $(VBIN_219) $(UNITS_ARGS)

.PHONY: sim-test
sim-test: venv ## pytest simulator/tests (the simulator's own suite)
	@cd $(ROOT)/simulator
	$(VBIN)/python -m pytest tests -p no:cacheprovider $(SIM_PYTEST_ARGS)

.PHONY: behaviour
behaviour: venv stage ## Bad-input catalogue + secret scan: the real modules against the simulator (tests/behaviour)
	@cd $(ROOT)
	PYTHONPATH=$(BUILD)/core-2.21 PATH="$(VBIN):$$PATH" $(VBIN)/python -m pytest tests/behaviour -p no:cacheprovider -q

.PHONY: newman
newman: venv ## Vendor Postman collection against the simulator (simulator/conformance/run_newman.py)
	@cd $(ROOT)/simulator/conformance
	if [ -f package-lock.json ]; then
		if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
			echo "==> npm ci (simulator/conformance)"
			npm ci --no-audit --no-fund
		fi
	elif [ -f package.json ] && [ ! -d node_modules ]; then
		echo "==> npm install (simulator/conformance; no package-lock.json)"
		npm install --no-audit --no-fund
	fi
	PATH="$(VBIN):$$PATH" $(VBIN)/python run_newman.py

# INTEGRATION_ARGS: ansible-test arguments, e.g. a target: INTEGRATION_ARGS=pbxware_tenant_info
# A whole run (no targets named) also checks that modules drove every write action the simulator knows.
ACTION_COVERAGE = $(if $(strip $(INTEGRATION_ARGS)),,$(VBIN)/python $(ROOT)/tests/integration/action_coverage.py)
RUN_INTEGRATION_221 = COLLECTION_ROOT=$(COLL_221) PATH="$(VBIN):$$PATH" ACTION_COVERAGE="$(ACTION_COVERAGE)" \
	$(ROOT)/tests/integration/run-integration.sh $(COLOR) $(INTEGRATION_ARGS)
RUN_INTEGRATION_219 = COLLECTION_ROOT=$(COLL_219) PATH="$(VBIN_219):$(VBIN):$$PATH" SIM_BIN=$(VBIN)/pbxware-sim \
	ACTION_COVERAGE="$(ACTION_COVERAGE)" $(ROOT)/tests/integration/run-integration.sh $(COLOR) $(INTEGRATION_ARGS)

.PHONY: integration
integration: venv stage ## ansible-test integration --venv against a fresh simulator (tests/integration/run-integration.sh)
	@$(RUN_INTEGRATION_221)

.PHONY: integration-2.19
integration-2.19: venv venv-2.19 stage ## The same integration run under ansible-core 2.19 (Python 3.11)
	@$(RUN_INTEGRATION_219)

# The two runs share per-user first-use state: the venvs, ~/.ansible/test/id_rsa
# (ansible-test creates it on first use; two runs racing to create it fail) and
# ~/.ansible/test/cache/get_pip_*.py. All of it is made here, one step after the
# other (venv and venv-2.19 run hack/ansible-test-bootstrap.sh), and the parallel
# step runs only the tests (run-integration-*, which have no prerequisites).
# Everything else a run writes is in its own copy (build/core-*/.../tests/output).
.PHONY: integrations
integrations: venv venv-2.19 stage ## integration and integration-2.19 side by side (each one's output shown when it ends)
	@$(MAKE) --no-print-directory -j2 --output-sync=target run-integration-2.21 run-integration-2.19

.PHONY: run-integration-2.21 run-integration-2.19
run-integration-2.21:
	@$(RUN_INTEGRATION_221)

run-integration-2.19:
	@$(RUN_INTEGRATION_219)

.PHONY: coverage
coverage: venv ## The documented actions the last whole `make integration` run sent through modules (fails below all 275)
	@log=$(COLL_221)/tests/output/simulator/requests.log
	if [ ! -s "$$log" ]; then echo "coverage: no request log at $$log: run make integration (no targets named) first" >&2; exit 1; fi
	$(VBIN)/python $(ROOT)/tests/integration/action_coverage.py "$$log" --report $(BUILD)/action-coverage.tsv

.PHONY: inventory-test
inventory-test: venv install ## Inventory plugin against the simulator: --list/--graph vs expected, cache, errors, scale (tests/inventory/run.sh)
	@ANSIBLE_COLLECTIONS_PATH=$(COLLECTIONS_PATH) PATH="$(VBIN):$$PATH" $(ROOT)/tests/inventory/run.sh

.PHONY: drift-test
drift-test: venv install ## drift_report callback against the simulator: drift named exactly, clean audits, forks 5 and serial (tests/drift/run.sh)
	@ANSIBLE_COLLECTIONS_PATH=$(COLLECTIONS_PATH) DRIFT_TEST_OUT=$(BUILD)/drift-test PATH="$(VBIN):$$PATH" \
		$(ROOT)/tests/drift/run.sh

.PHONY: awx-test
awx-test: venv install ## awx/project run the way AWX runs it (ansible-runner, credential type injectors, inventory source) against the simulator (tests/awx/run.sh)
	@ANSIBLE_COLLECTIONS_PATH=$(COLLECTIONS_PATH) AWX_TEST_OUT=$(BUILD)/awx-test PATH="$(VBIN):$$PATH" \
		$(ROOT)/tests/awx/run.sh

# Molecule keeps its scenario state (and the simulator's URL, key and PID) in
# MOLECULE_EPHEMERAL_DIRECTORY, its caches under XDG_CACHE_HOME: both in the build tree.
.PHONY: molecule
molecule: venv install ## molecule test -s tenant: a whole tenant converged, idempotence, verified, against the simulator (extensions/molecule/)
	@cd $(ROOT)
	rm -rf $(BUILD)/molecule
	mkdir -p $(BUILD)/molecule/tenant
	ANSIBLE_COLLECTIONS_PATH=$(COLLECTIONS_PATH) MOLECULE_EPHEMERAL_DIRECTORY=$(BUILD)/molecule/tenant \
		XDG_CACHE_HOME=$(BUILD)/molecule/cache $(if $(filter true,$(CI)),NO_COLOR=1,) PATH="$(VBIN):$$PATH" \
		$(VBIN)/molecule test -s tenant

.PHONY: lint
lint: venv stage ## ansible-lint, production profile (playbooks/, tests/integration/targets/, metadata, ...)
	@cd $(ROOT)
	# offline (.ansible-lint): it installs nothing, so it resolves bicom.pbxware.* from the staged copy.
	ANSIBLE_COLLECTIONS_PATH=$(BUILD)/core-2.21 PATH="$(VBIN):$$PATH" ansible-lint $(LINT_ARGS)

.PHONY: changelog-lint
changelog-lint: venv ## antsibull-changelog lint
	@cd $(ROOT)
	$(VBIN)/antsibull-changelog lint
	echo "changelog-lint: ok"

.PHONY: docs-lint
docs-lint: venv stage ## antsibull-docs lint-collection-docs (plugin docs, extra docs, collection refs)
	@cd $(COLL_221)
	PATH="$(VBIN):$$PATH" antsibull-docs lint-collection-docs --plugin-docs --skip-rstcheck \
		--validate-collection-refs=all --check-extra-docs-refs .
	echo "docs-lint: ok"

.PHONY: ee-check
ee-check: venv install ## ansible-builder: introspect the installed collection, create an EE build context
	@cd $(ROOT)
	$(VBIN)/ansible-builder introspect --sanitize $(COLLECTIONS_PATH)
	$(VBIN)/ansible-builder create --file execution-environment.yml --context $(BUILD)/ee --output-filename Containerfile
	echo "ee-check: ok (build context in $(BUILD)/ee; no container engine here to build an image)"

# =============================================================================
##@ Build

.PHONY: build
build: venv ## ansible-galaxy collection build -> build/dist/bicom-pbxware-VERSION.tar.gz (and check its contents)
	@cd $(ROOT)
	mkdir -p $(DIST)
	rm -f $(TARBALL)
	$(VBIN)/ansible-galaxy collection build --force --output-path $(DIST) .
	$(ROOT)/hack/check-tarball.sh $(TARBALL)

.PHONY: build-check
build-check: venv ## Prove the build is an allow-list: stray files in a copy of the checkout stay out (hack/test-build-allowlist.sh)
	@$(ROOT)/hack/test-build-allowlist.sh $(VBIN)

.PHONY: install
install: build ## Install the built tarball into build/collections (used by `make demo`)
	@ANSIBLE_COLLECTIONS_PATH=$(COLLECTIONS_PATH) $(VBIN)/ansible-galaxy collection install --offline --force -p $(COLLECTIONS_PATH) $(TARBALL)

.PHONY: galaxy-import
galaxy-import: build ## Run galaxy-importer (Galaxy's upload checks) on the built tarball (own venv; not part of `make test`)
	@$(ROOT)/hack/mkvenv.sh $(ROOT)/.venv/galaxy-importer "$(PYTHON)" $(ROOT)/hack/requirements-galaxy-importer.txt
	cd $(BUILD)
	PATH="$(ROOT)/.venv/galaxy-importer/bin:$$PATH" $(ROOT)/.venv/galaxy-importer/bin/python -m galaxy_importer.main $(TARBALL) 2>&1 | tee $(BUILD)/galaxy-import.log
	if grep -qE '^(ERROR|CRITICAL)' $(BUILD)/galaxy-import.log; then echo "galaxy-import: FAILED (errors above)" >&2; exit 1; fi
	echo "galaxy-import: ok"

.PHONY: changelog-release
changelog-release: venv stage ## At release time: antsibull-changelog release (version from galaxy.yml), regenerates CHANGELOG.rst
	@cd $(ROOT)
	# It lists new plugins through ansible-doc, which finds the collection in the staged copy.
	PATH="$(VBIN):$$PATH" ANSIBLE_COLLECTIONS_PATH=$(BUILD)/core-2.21 $(VBIN)/antsibull-changelog release --version $(VERSION)

.PHONY: docs
docs: venv install ## Build the HTML docs site into build/docs/build/html (antsibull-docs + Sphinx, venv .venv/docs)
	@$(ROOT)/hack/build-docs.sh $(VBIN)/python $(COLLECTIONS_PATH) $(BUILD)/docs $(ROOT)/.venv/docs

# =============================================================================
##@ Benchmarks (not part of `make test`)

# BENCH_ARGS: hack/bench.py options, e.g. a quick check of the harness:
#   make bench BENCH_ARGS='--scale 2,10 --repeat 1 --inventory-tenants 50'
.PHONY: bench
bench: venv install ## Time modules and inventory against the simulator (hack/bench.py, issue 15): table into docs/benchmarks.md, printed
	@ANSIBLE_COLLECTIONS_PATH=$(COLLECTIONS_PATH) PATH="$(VBIN):$$PATH" \
		$(VBIN)/python $(ROOT)/hack/bench.py --workdir $(BUILD)/bench $(BENCH_ARGS)

# =============================================================================
##@ Cleaning

.PHONY: clean
clean: ## Remove build output (build/, tests/output/, .ansible/, caches); keeps the venvs
	@cd $(ROOT)
	rm -rf build tests/output .ansible collections .pytest_cache tests/integration/integration_config.yml
	find . -path ./.venv -prune -o -path ./.git -prune -o -type d -name __pycache__ -print0 | xargs -0 rm -rf
	echo "clean: done (make distclean also removes .venv/ and node_modules/)"

.PHONY: distclean
distclean: clean ## clean, and remove the venvs and simulator/conformance/node_modules
	@rm -rf $(ROOT)/.venv $(ROOT)/simulator/conformance/node_modules $(ROOT)/simulator/*.egg-info
