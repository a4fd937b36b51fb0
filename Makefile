# Banenmatch — the two commands a newcomer needs: `make demo` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/banenmatch
DEMO_DATE := 2026-12-01
DEMO_SEEKER := S-0040
DEMO_VACANCY := V-0011

.PHONY: all deps build demo test check-core lint format clean

all: build

# jansson's headers come from Debian's libjansson-dev; install them when pkg-config cannot find them.
deps:
	@pkg-config --exists jansson 2>/dev/null || { \
	  echo "jansson not found: installing libjansson-dev with apt-get"; \
	  $(SUDO) apt-get install -y -qq libjansson-dev >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libjansson-dev; }; }
	@pkg-config --exists jansson

build: deps
	$(SWIFT) build --product banenmatch

# Ranked matches with reasons for a sample seeker and a sample vacancy.
demo: build
	@echo
	@$(BIN) match --data samples --seeker $(DEMO_SEEKER) --explain --near-misses 3 --date $(DEMO_DATE)
	@echo
	@$(BIN) match --data samples --vacancy $(DEMO_VACANCY) --explain --near-misses 3 --date $(DEMO_DATE)

test: deps check-core
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The core module imports neither Foundation nor C, and depends on nothing.
check-core:
	@scripts/check-core-imports.sh

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

format:
	$(SWIFT) format --in-place --recursive Sources Tests

clean:
	rm -rf .build
