# 安維 — two commands: `make run` (application with demo data) and `make test` (whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
# make run shows what users see (no Django debug pages) over plain HTTP on this machine.
RUN_ENV := ANWEI_HTTPS=false

# The whole suite runs on every core; PYTEST_ARGS=tests/search (say) runs a part in one process.
PYTEST_ARGS ?= -n auto

.PHONY: run test test-postgres install bench bench-docs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip >/dev/null
	$(BIN)/pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-*; touch $@

install: $(STAMP)

run: $(STAMP)
	./scripts/system-packages.sh run
	$(RUN_ENV) $(BIN)/anwei migrate --noinput -v0
	$(RUN_ENV) $(BIN)/anwei collectstatic --noinput -v0
	$(RUN_ENV) $(BIN)/anwei demo --if-empty
	@echo "安維已啟動：http://127.0.0.1:8000/ （網站、背景工作與排程；寄出的郵件存在 var/mail/；Ctrl-C 結束）"
	$(RUN_ENV) $(BIN)/anwei serve 127.0.0.1:8000

test: $(STAMP)
	./scripts/system-packages.sh test
	env -u ANWEI_DEBUG $(BIN)/pytest $(PYTEST_ARGS)

# The same suite against PostgreSQL: make test-postgres PG_URL=postgres://postgres@127.0.0.1:5432/anwei_test
PG_URL ?= postgres://postgres@127.0.0.1:5432/anwei_test
test-postgres: $(STAMP)
	./scripts/system-packages.sh test
	env -u ANWEI_DEBUG ANWEI_DATABASE_URL=$(PG_URL) $(BIN)/pytest --create-db $(PYTEST_ARGS)

# Documents benchmark: ODT/DOCX/PDF times and LibreOffice's time for the same packet (JSON lines).
bench-docs: $(STAMP)
	$(BIN)/python -m bench.docs

# Whole benchmark (JSON lines, then a summary table): make bench; BENCH_ARGS=--quick for the 1-minute version.
# On PostgreSQL: make bench ANWEI_DATABASE_URL=postgres://postgres@127.0.0.1:5432/anwei_bench
bench: $(STAMP)
	$(BIN)/anwei bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var build src/*.egg-info
