#!/usr/bin/env bash
# Embedding backlog rate: serves DATA_DIR (papers imported without vectors, e.g. the arXiv listings) for
# SECONDS, then prints the background worker's progress lines and its rate in papers/s, from the moment the
# model had loaded to its last progress line (one every 1,024 papers). Prints the load average before and after.
# Usage: scripts/bench-embed-backlog.sh DATA_DIR [SECONDS=300]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${1:?usage: $0 DATA_DIR [SECONDS]}
SECONDS_TO_RUN=${2:-300}
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
echo "before: $(uptime)"
DAILYPAPERS_DEMO=false DAILYPAPERS_EMBED=true "$ROOT/dailypapers" serve --data "$DATA" --port 0 >"$LOG" 2>&1 &
PID=$!
sleep "$SECONDS_TO_RUN"
echo "after:  $(uptime)"
kill "$PID"
wait "$PID" || true
grep -E "Embedding model .* loaded|Embedded [0-9]+ of" "$LOG" || true
awk '
  function secs(t) { split(t, a, /[:.]/); return a[1] * 3600 + a[2] * 60 + a[3] + a[4] / 1000 }
  /Embedding model .* loaded/ { start = secs($1) }
  /Embedded [0-9]+ of/ { for (i = 1; i <= NF; i++) if ($i == "Embedded") n = $(i + 1); last = secs($1) }
  END {
    if (start == "" || n == "") { print "no progress line yet: run longer"; exit 1 }
    printf "embedding backlog: %d papers in %.1f s = %.1f papers/s\n", n, last - start, n / (last - start)
  }' "$LOG"
