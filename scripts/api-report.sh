#!/usr/bin/env bash
# The API reports of the package's public entry points, made by API Extractor from the
# built declarations (dist/*.d.ts; run scripts/build.sh first): report.api.md for
# `backstage-plugin-conduktor-card` (js/index.ts) and report-alpha.api.md for its
# `/alpha` entry (js/alpha.tsx), as Backstage's own packages keep them.
#   scripts/api-report.sh           check: fails, with the diff, when the exports differ
#                                   from the committed reports (scripts/check.sh runs this)
#   scripts/api-report.sh --update  rewrite the reports after an intended API change, and
#                                   commit them with a changeset (npx changeset)
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

mode=check
[ "${1:-}" = "--update" ] && mode=update
[ -f dist/index.d.ts ] && [ -f dist/alpha.d.ts ] || die "no dist/*.d.ts; run scripts/build.sh first"

failed=0
for entry in index alpha; do
  report=report.api.md
  [ "$entry" = alpha ] && report=report-alpha.api.md
  if [ "$mode" = update ]; then
    logged "api-extractor-$entry" npx api-extractor run --local --config "api-report/$entry.json"
    echo "updated $report"
  elif ! npx api-extractor run --config "api-report/$entry.json" >"$LOGS/api-extractor-$entry.log" 2>&1; then
    failed=1
    echo "error: the public API of the '$entry' entry point differs from $report:" >&2
    if [ -f ".artifacts/api-report/$report" ]; then
      diff -u "$report" ".artifacts/api-report/$report" >&2 || true
    else
      tail -n 30 "$LOGS/api-extractor-$entry.log" >&2
    fi
  else
    echo "API report unchanged: $report"
  fi
done
[ "$failed" -eq 0 ] ||
  die "an exported API changed; if that is intended, run scripts/api-report.sh --update, commit the reports and add a changeset (npx changeset)"
