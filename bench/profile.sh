#!/usr/bin/env bash
# Where Townhall's time goes: a CPU profile of one build of the 10,000-page corpus.
#   bench/profile.sh [PAGES]      (after `make bench` or `swift build -c release`)
# Uses `perf record -e cpu-clock` (a software clock: this machine's VM has no hardware
# counters); the release binary keeps its symbols, so no special build is needed. Writes
# into /dev/shm and prints inclusive ("children") and self time per function.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
command -v perf >/dev/null || { echo "perf is missing: apt-get install -y linux-perf"; exit 1; }
work=$(mktemp -d /dev/shm/townhall-profile-XXXXXX)
trap 'rm -rf "$work"' EXIT
.build/release/townhall-corpus --pages "$pages" --output "$work/corpus" >/dev/null
.build/release/townhall build --content "$work/corpus" --templates Templates --output "$work/site" --verbose
perf record -q -e cpu-clock -F 499 -g -o "$work/perf.data" -- \
  .build/release/townhall build --content "$work/corpus" --templates Templates --output "$work/site" --quiet
demangle() { if command -v swift >/dev/null; then swift demangle --simplified; else cat; fi; }
echo "== by library (self)"
perf report -i "$work/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -8
echo "== Townhall and its libraries, inclusive"
perf report -i "$work/perf.data" --children --sort symbol --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' \
  | demangle | grep -E 'Townhall|Mustache|Markdown|PageURL|LinkResolver|SiteRenderer|Navigation|ContentLoader|PageReader|YAMLReader|FrontMatter|OutputWriter|Validator|htmlEscape|dynamicCast|addingPercentEncoding|cmark' \
  | head -40 | cut -c1-160
echo "== self time, top 25"
perf report -i "$work/perf.data" --no-children --sort symbol --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -25 | demangle | cut -c1-160
