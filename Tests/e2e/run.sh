#!/usr/bin/env bash
# Runs the end-to-end stage over the built site (Site/, or E2E_SITE) with the virtualenv
# made by setup.sh. Extra arguments go to pytest (`-k search`, `-x`). The whole run is bounded
# by E2E_TIMEOUT seconds (default 1800); each browser session by E2E_SESSION_SECONDS (1200).
# The bounds stop a hang, not a slow machine: the stage took 657 s on a build machine running
# at half its usual speed, where 600 s had been the bound.
set -uo pipefail
cd "$(dirname "$0")/../.."
VENV=${E2E_VENV:-.build/e2e-venv}
# The whole folder unless the arguments name test files or ids themselves.
where=(Tests/e2e)
for arg in "$@"; do [ -e "${arg%%::*}" ] && where=(); done
start=$(date +%s)
timeout --kill-after=15 "${E2E_TIMEOUT:-1800}" "$VENV/bin/python" -m pytest "${where[@]}" "$@"
status=$?
echo "e2e: $(( $(date +%s) - start )) s; screenshots and printed pages in Tests/artifacts/"
case $status in
  0) exit 0 ;;
  5) echo "e2e: pytest collected no tests; that counts as a failure"; exit 1 ;;
  124|137) echo "e2e: the stage ran past ${E2E_TIMEOUT:-1800} s and was stopped"; exit 1 ;;
  *) exit "$status" ;;
esac
