#!/usr/bin/env bash
# Web benchmark: first start on an empty data directory (demo import), a later start, then wrk load on the
# feed page, the JSON API and a paper page, with the server in a 512 MB heap.
# Usage: scripts/bench-web.sh [SECONDS_PER_RUN] [CONNECTIONS]      (defaults: 30 s, 50 connections)
#        scripts/bench-web.sh --start-only                            (only the two start figures, no load)
# Environment: BENCH_DATA=DIR serves that data directory instead of a fresh one with the demo (issue 16: feed pages
# at 2.8M papers; the directory is kept), BENCH_HEAP (default 512m), BENCH_PAPER (default 2608.19880, a demo paper).
# Needs wrk (Debian package 'wrk'; installed when missing and run as root). Only loopback is loaded.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
START_ONLY=false
if [ "${1:-}" = "--start-only" ]; then START_ONLY=true; shift; fi
SECONDS_PER_RUN=${1:-30}
CONNECTIONS=${2:-50}
PORT=${BENCH_PORT:-18080}
$START_ONLY || command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
./dailypapers --version >/dev/null 2>&1   # builds the jar if needed

SCRATCH=$(mktemp -d)
DATA=${BENCH_DATA:-$SCRATCH}
HEAP=${BENCH_HEAP:-512m}
PAPER=${BENCH_PAPER:-2608.19880}
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$SCRATCH"; }
trap cleanup EXIT

start_server() {   # sets PORT_OPEN to the seconds until the port answers (a "starting" page), STARTUP until /health answers 200
  local t0 t1 t2
  t0=$(date +%s.%N)
  # No harvest during the benchmark: it would add load (and try the network) 30 s after start.
  DAILYPAPERS_HARVEST_ENABLED=false DAILYPAPERS_JAVA_OPTS="-Xmx$HEAP" ./dailypapers serve --data "$DATA" --port "$PORT" >"$SCRATCH/serve.log" 2>&1 &
  SERVER=$!
  until curl -s -o /dev/null "http://127.0.0.1:$PORT/health"; do sleep 0.05; done
  t1=$(date +%s.%N)
  until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do sleep 0.05; done
  t2=$(date +%s.%N)
  PORT_OPEN=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b - a}')
  STARTUP=$(awk -v a="$t0" -v b="$t2" 'BEGIN{printf "%.1f", b - a}')
}

stop_server() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1 || true); server JDK: $(. scripts/find-jdk.sh && find_jdk && "$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
start_server
echo "first start ($([ -n "${BENCH_DATA:-}" ] && echo "$DATA" || echo "empty data dir, demo import")): port open $PORT_OPEN s, ready (/health 200) $STARTUP s"
stop_server
start_server
echo "later start: port open $PORT_OPEN s, ready (/health 200) $STARTUP s"
if $START_ONLY; then exit 0; fi

for path in "/" "/api/daily_papers" "/papers/$PAPER"; do
  wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$PORT$path" >/dev/null   # warm-up
  echo "== GET $path: wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$PORT$path" \
    | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%"
done
# Every request a different URL: no rendered-page cache hits, so this measures rendering itself.
LUA="$SCRATCH/unique.lua"
printf 'n = 0\nrequest = function() n = n + 1; return wrk.format(nil, "/?uncached=" .. n) end\n' >"$LUA"
echo "== GET / with a unique query string per request (page rendered every time): wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$LUA" "http://127.0.0.1:$PORT" \
  | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%"
echo "heap after load: $(curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/{s+=$NF} END{printf "%.0f MB", s/1048576}')"
