# Townhall: `make site` builds Site/ from Content/ and Templates/; `make test` runs every test.
# Both install what is missing first (libcmark-dev through apt-get).

SWIFT ?= swift
BIN := .build/debug/townhall

.PHONY: site test build deps release clean help bench bench-deps

help:
	@echo "make site    build Site/ from Content/ and Templates/"
	@echo "make test    run every test"
	@echo "make build   compile the townhall command (debug)"
	@echo "make release compile an optimised townhall command"
	@echo "make bench   measure Townhall against Hugo and cmark on 1,000 and 10,000 generated pages (about 10 min)"

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

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

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
bench: bench-deps
	$(SWIFT) build -c release --product townhall
	$(SWIFT) build -c release --product townhall-corpus
	python3 bench/bench.py $(BENCH_ARGS)

clean:
	rm -rf .build
