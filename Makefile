# Townhall: `make site` builds Site/ from Content/ and Templates/; `make test` runs every test.
# Both install what is missing first (libcmark-dev and libtcmalloc-minimal4 through apt-get).

SWIFT ?= swift
SHELL := /bin/bash
BIN := .build/debug/townhall

FUZZ_TARGETS := front-matter markdown links request-path data-files community templates
FUZZ_SECONDS ?= 60

.PHONY: site test build deps release-deps release clean help fuzz fuzz-build bench bench-deps bench-stats e2e e2e-deps

help:
	@echo "make site    build Site/ from Content/ and Templates/"
	@echo "make test    run every test (the end-to-end stage first, swift test last)"
	@echo "make e2e     only the end-to-end stage: the built Site/ in headless Chromium"
	@echo "make build   compile the townhall command (debug)"
	@echo "make release compile an optimised townhall command"
	@echo "make fuzz    run each libFuzzer target for FUZZ_SECONDS (default 60)"
	@echo "make bench   measure Townhall against Hugo and cmark on 1,000 and 10,000 generated pages (about 10 min)"
	@echo "make bench-stats  time townhall stats on 100,000 members and 1,000,000 registrations (release build)"

# libcmark renders the Markdown (SwiftPM finds it through pkg-config); townhall allocates
# with tcmalloc (libtcmalloc-minimal4, linked by its soname: see Package.swift).
deps:
	@missing=""; \
	pkg-config --exists libcmark 2>/dev/null || missing=" libcmark-dev pkg-config"; \
	PATH="$$PATH:/sbin:/usr/sbin" ldconfig -p 2>/dev/null | grep -q 'libtcmalloc_minimal\.so\.4 ' || missing="$$missing libtcmalloc-minimal4"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing$$missing with apt-get"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing system packages. Install them with:"; \
	    echo "  sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build --product townhall

# Release builds link the Swift runtime and Foundation into the binary: loading their
# shared libraries was half of every run's start (32 ms against 16 ms of CPU for
# `townhall --version`), about an eighth of a no-op rebuild's time. Foundation's networking
# part (which FlyingFox, the dev server, imports) then links libcurl itself, so its -dev
# package is needed to build; at run time the binary needs libcurl4, as before.
RELEASE := -c release --static-swift-stdlib
release-deps: deps
	@if ! pkg-config --exists libcurl 2>/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing libcurl4-openssl-dev with apt-get"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libcurl4-openssl-dev >/dev/null; \
	  else \
	    echo "A release build needs libcurl4-openssl-dev. Install it with:"; \
	    echo "  sudo apt-get install -y --no-install-recommends libcurl4-openssl-dev"; \
	    exit 1; \
	  fi; \
	fi

release: release-deps
	$(SWIFT) build $(RELEASE) --product townhall

site: build
	$(BIN) build --content Content --templates Templates --output Site

# The end-to-end stage and the fuzz smoke run come first so that the test runner's summary
# is the last thing printed.
test: deps
	$(MAKE) --no-print-directory e2e
	$(SWIFT) build --build-tests
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=5
	$(SWIFT) test --skip-build

# End-to-end: the committed Site/ (which `swift test` proves is the build's exact output) checked
# as a reader gets it: Nu HTML Checker, link crawler, headless Chromium at two widths, axe-core,
# print to PDF, search. Installs Chromium, chromedriver, Java, poppler-utils and pinned PyPI
# packages (into .build/e2e-venv) when missing. E2E_ARGS go to pytest: make e2e E2E_ARGS="-k search".
e2e-deps:
	@bash Tests/e2e/setup.sh

e2e: e2e-deps
	@bash Tests/e2e/run.sh $(E2E_ARGS)

# libFuzzer build of the fuzz targets (a separate build folder: sanitizers change every object).
fuzz-build: deps
	$(SWIFT) build --build-path .build-fuzz --product townhall-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld

# Each target runs for FUZZ_SECONDS over the committed seeds (Tests/Fuzz/corpus/<target>);
# new inputs go to .build-fuzz/corpus, crashes to .build-fuzz/crash-<target>-*. Leak detection
# is off: the Swift runtime's one-time caches (metadata, Foundation singletons) read as leaks.
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p .build-fuzz/corpus/$$t; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 .build-fuzz/debug/townhall-fuzz $$t .build-fuzz/corpus/$$t Tests/Fuzz/corpus/$$t \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=0 \
	    -artifact_prefix=.build-fuzz/crash-$$t- 2>&1 | grep -E "^(#[0-9]+ +DONE|Done|==.*ERROR|SUMMARY|artifact)" ; \
	  test $${PIPESTATUS[0]} -eq 0 || { echo "fuzz target $$t failed: see .build-fuzz/crash-$$t-*"; exit 1; }; \
	done

# The benchmark's tools: Hugo 0.111 (Debian's), the cmark command, GNU time for peak memory.
# Not part of `make test`.
BENCH_PACKAGES := hugo cmark time
bench-deps: deps
	@missing=""; \
	command -v hugo >/dev/null 2>&1 || missing="$$missing hugo"; \
	command -v cmark >/dev/null 2>&1 || missing="$$missing cmark"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing$$missing with apt-get"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "The benchmark needs$$missing. Install with:"; \
	    echo "  sudo apt-get install -y --no-install-recommends $(BENCH_PACKAGES) python3"; \
	    exit 1; \
	  fi; \
	fi

# BENCH_ARGS passes options to bench/bench.py, e.g. BENCH_ARGS="--sizes 1000 --runs 3 --no-readme".
BENCH_ARGS ?=
bench: bench-deps release-deps
	$(SWIFT) build $(RELEASE) --product townhall
	$(SWIFT) build $(RELEASE) --product townhall-corpus
	python3 bench/bench.py $(BENCH_ARGS)
# Statistics benchmark: load, validate and compute every figure of the large data set.
# Not part of `make test`; see README, "Statistics performance".
bench-stats: release-deps
	bench/stats

clean:
	rm -rf .build
