# Townhall: `make site` builds Site/ from Content/ and Templates/; `make test` runs every test.
# Both install what is missing first (libcmark-dev through apt-get).

SWIFT ?= swift
SHELL := /bin/bash
BIN := .build/debug/townhall

FUZZ_TARGETS := front-matter markdown links request-path
FUZZ_SECONDS ?= 60

.PHONY: site test build deps release clean help fuzz fuzz-build bench-stats

help:
	@echo "make site    build Site/ from Content/ and Templates/"
	@echo "make test    run every test"
	@echo "make build   compile the townhall command (debug)"
	@echo "make release compile an optimised townhall command"
	@echo "make fuzz    run each libFuzzer target for FUZZ_SECONDS (default 60)"
	@echo "make bench-stats  time townhall stats on 100,000 members and 1,000,000 registrations (release build)"

# libcmark renders the Markdown; SwiftPM finds it through pkg-config.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing libcmark-dev and pkg-config with apt-get"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config >/dev/null; \
	  else \
	    echo "libcmark is missing. Install it with:"; \
	    echo "  sudo apt-get install -y libcmark-dev pkg-config"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build --product townhall

release: deps
	$(SWIFT) build -c release --product townhall

site: build
	$(BIN) build --content Content --templates Templates --output Site

# The fuzz smoke run comes first so that the test runner's summary is the last thing printed.
test: deps
	$(SWIFT) build --build-tests
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=5
	$(SWIFT) test --skip-build

# libFuzzer build of the fuzz targets (a separate build folder: sanitizers change every object).
fuzz-build: deps
	$(SWIFT) build --build-path .build-fuzz --product townhall-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld

# Each target runs for FUZZ_SECONDS over the committed seeds (Tests/Fuzz/corpus/<target>);
# new inputs go to .build-fuzz/corpus, crashes to .build-fuzz/crash-<target>-*.
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p .build-fuzz/corpus/$$t; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  .build-fuzz/debug/townhall-fuzz $$t .build-fuzz/corpus/$$t Tests/Fuzz/corpus/$$t \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=0 \
	    -artifact_prefix=.build-fuzz/crash-$$t- 2>&1 | grep -E "^(#[0-9]+ +DONE|Done|==.*ERROR|SUMMARY|artifact)" ; \
	  test $${PIPESTATUS[0]} -eq 0 || { echo "fuzz target $$t failed: see .build-fuzz/crash-$$t-*"; exit 1; }; \
	done

# Statistics benchmark: load, validate and compute every figure of the large data set.
# Not part of `make test`; see README, "Statistics performance".
bench-stats: deps
	bench/stats

clean:
	rm -rf .build
