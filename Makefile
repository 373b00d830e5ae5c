# Townhall: `make site` builds Site/ from Content/ and Templates/; `make test` runs every test.
# Both install what is missing first (libcmark-dev through apt-get).

SWIFT ?= swift
BIN := .build/debug/townhall

.PHONY: site test build deps release clean help

help:
	@echo "make site    build Site/ from Content/ and Templates/"
	@echo "make test    run every test"
	@echo "make build   compile the townhall command (debug)"
	@echo "make release compile an optimised townhall command"

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

clean:
	rm -rf .build
