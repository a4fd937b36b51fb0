# Banenmatch — the two commands a newcomer needs: `make demo` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/banenmatch
DEMO_DATE := 2026-12-01
DEMO_SEEKER := S-0040
DEMO_VACANCY := V-0011

.PHONY: all deps build demo test check-core check-scripts lint format clean

all: build

# jansson's headers come from Debian's libjansson-dev; install them when pkg-config cannot find them.
# The scripts (the core's import check, the benchmark targets' check) need python3: likewise.
deps:
	@pkg-config --exists jansson 2>/dev/null || { \
	  echo "jansson not found: installing libjansson-dev with apt-get"; \
	  $(SUDO) apt-get install -y -qq libjansson-dev >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libjansson-dev; }; }
	@pkg-config --exists jansson
	@command -v python3 >/dev/null || { \
	  echo "python3 not found: installing python3 with apt-get"; \
	  $(SUDO) apt-get install -y -qq python3 >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3; }; }
	@command -v python3 >/dev/null

build: deps
	$(SWIFT) build --product banenmatch

# Ranked matches with reasons for a sample seeker and a sample vacancy.
demo: build
	@echo
	@$(BIN) match --data samples --seeker $(DEMO_SEEKER) --explain --near-misses 3 --date $(DEMO_DATE)
	@echo
	@$(BIN) match --data samples --vacancy $(DEMO_VACANCY) --explain --near-misses 3 --date $(DEMO_DATE)

test: deps check-core check-scripts
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The core module imports neither Foundation nor C, and depends on nothing.
check-core:
	@scripts/check-core-imports.sh

# The benchmark report's checker (scripts/bench-targets.py), on a fixture.
check-scripts: deps
	@python3 scripts/test_bench_targets.py

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

format:
	$(SWIFT) format --in-place --recursive Sources Tests

clean:
	rm -rf .build

# libFuzzer over the frame reader and the request decoder, for FUZZ_SECONDS (default 10 minutes),
# on a corpus seeded from samples/ and JSONTestSuite; crashes land in .build-fuzz/crash-*.
# Not part of `make test`. Every crash found becomes a case in
# Tests/BanenmatchWorkerTests/FuzzRegressionTests.swift.
FUZZ_SECONDS ?= 600
FUZZ_CORPUS ?= .build-fuzz/corpus
.PHONY: fuzz
fuzz: deps
	BANENMATCH_FUZZ=1 $(SWIFT) build -c release --scratch-path .build-fuzz --product banenmatch-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
	Fuzz/seed-corpus.sh $(FUZZ_CORPUS)
	.build-fuzz/release/banenmatch-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=20 \
	  -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=.build-fuzz/ $(FUZZ_CORPUS)

# The benchmark suite (Benchmarks/, package-benchmark; see BENCHMARKS.md). Builds the release
# worker, generates each missing data set into Benchmarks/.data (not committed; the national set
# `nl` and its scales 1/4, 1/2 and 2, all seed 42), runs every benchmark target and keeps the
# markdown report in Benchmarks/.data/last-run.md, then checks it against the targets
# (scripts/bench-targets.py; `make bench-targets` checks the last report again). The exit status
# is the suite's. Takes about 6 minutes on 2 cores once the data sets exist (the first run
# generates them too).
BENCH_DATA := Benchmarks/.data
# name:seekers:vacancies
BENCH_SETS := nl:300000:60000 nl-0.25:75000:15000 nl-0.5:150000:30000 nl-2:600000:120000
.PHONY: bench bench-data bench-targets
bench: bench-data
	cd Benchmarks && { $(SWIFT) package --disable-sandbox benchmark --no-progress --format markdown \
	  --path stdout; echo $$? > .data/.status; } | tee .data/last-run.md
	@python3 scripts/bench-targets.py $(BENCH_DATA)/last-run.md || true
	@exit $$(cat $(BENCH_DATA)/.status)

# Exits 1 when a target is not met, 2 when the report cannot be read.
bench-targets: deps
	@python3 scripts/bench-targets.py $(BENCH_DATA)/last-run.md

# A set is written to NAME.tmp and renamed when complete, so an interrupted run regenerates it.
bench-data: deps
	$(SWIFT) build -c release --product banenmatch
	@mkdir -p $(BENCH_DATA)
	@for set in $(BENCH_SETS); do \
	  name=$${set%%:*}; rest=$${set#*:}; seekers=$${rest%%:*}; vacancies=$${rest#*:}; \
	  [ -f $(BENCH_DATA)/$$name/vacancies.jsonl ] && continue; \
	  echo "generating $(BENCH_DATA)/$$name ($$seekers seekers, $$vacancies vacancies)"; \
	  rm -rf $(BENCH_DATA)/$$name.tmp; \
	  .build/release/banenmatch generate --seekers $$seekers --vacancies $$vacancies --seed 42 \
	    --out $(BENCH_DATA)/$$name.tmp && mv $(BENCH_DATA)/$$name.tmp $(BENCH_DATA)/$$name || exit 1; \
	done
