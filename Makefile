# peergraph: `make run` serves GraphiQL over an embedded Neo4j holding the seed profile;
# `make test` runs the whole suite against a real Neo4j. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NEO4J_BUILT := neo4j-local/target/.built
WEB_INSTALLED := web/node_modules/.installed

.PHONY: setup run serve test test-quick lint format neo4j-build neo4j clean bench

setup: $(VENV)/.installed $(NEO4J_BUILT) $(WEB_INSTALLED)

# The browser libraries of the explorer page (cytoscape.js) and of GraphiQL (react, react-dom,
# graphiql, @graphiql/plugin-explorer), exactly as package-lock.json pins them; the service serves
# only their built files. package.json overrides the React 15/16 peer range of graphiql-explorer:
# its code is bundled into the plugin's UMD file, which runs on GraphiQL's React 18.
$(WEB_INSTALLED): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

neo4j-build: $(NEO4J_BUILT)

$(NEO4J_BUILT): neo4j-local/pom.xml $(shell find neo4j-local/src -type f)
	cd neo4j-local && mvn --batch-mode --quiet package -DskipTests
	touch $@

run: setup
	$(BIN)/peergraph dev

serve: setup
	$(BIN)/peergraph serve

# Starts only the embedded Neo4j (data in .neo4j-data), for the CLI or a service run by hand.
neo4j: $(NEO4J_BUILT)
	neo4j-local/run.sh --data-dir .neo4j-data

test: setup
	$(BIN)/pytest

# Everything but the slow tests (a browser, fuzzing, a Neo4j of their own, generated graphs):
# the loop while changing code; `make test` stays the full run, and CI's.
test-quick: setup
	$(BIN)/pytest -m "not slow"

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) neo4j-local/target web/node_modules .pytest_cache .mypy_cache .ruff_cache

# The SDL snapshot: regenerate after a schema change and review the diff.
schema.graphql: $(VENV)/.installed $(shell find schema resolvers loaders model -name '*.py')
	$(BIN)/python -m schema > $@

# Benchmarks: figures into bench/results.md and bench/results.json (sizes from BENCH_SIZES).
bench: setup
	$(BIN)/python -m bench.run
