#!/usr/bin/env bash
# Installs what the end-to-end stage needs, and only what is missing:
#   Debian packages  chromium, chromium-driver, a Java runtime (for the Nu HTML Checker),
#                    poppler-utils (pdftoppm), python3-venv
#   PyPI packages    Tests/e2e/requirements*.txt, pinned, into the virtualenv .build/e2e-venv
# As root, apt-get installs missing packages; otherwise the exact command is printed and the
# script fails. The virtualenv belongs to whoever runs it, so no root is needed for PyPI.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-python3}
VENV=${E2E_VENV:-.build/e2e-venv}

missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium fonts-liberation)
command -v chromedriver >/dev/null 2>&1 || [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v "$PYTHON" >/dev/null 2>&1 || missing+=(python3)
if command -v "$PYTHON" >/dev/null 2>&1 && [ ! -x "$VENV/bin/python" ]; then
  # Debian's python3 needs python3-venv (ensurepip) to make a virtualenv.
  probe=$(mktemp -d)
  if ! "$PYTHON" -m venv "$probe/v" >/dev/null 2>&1; then missing+=(python3-venv); fi
  rm -rf "$probe"
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "e2e: installing ${missing[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "e2e: missing system packages. Install them with:"
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
  fi
fi

stamp="$VENV/.townhall-requirements"
want=$(cat Tests/e2e/requirements.txt Tests/e2e/requirements-nodeps.txt <("$PYTHON" -V 2>&1) | sha256sum | cut -c1-16)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "e2e: installing the pinned Python packages into $VENV"
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-input -r Tests/e2e/requirements.txt
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-input --no-deps -r Tests/e2e/requirements-nodeps.txt
  echo "$want" > "$stamp"
fi
