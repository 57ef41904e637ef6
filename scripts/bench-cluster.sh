#!/usr/bin/env bash
# Cluster benchmark: the same request mix against the embedded default (SQLite, one process) and against 1 and 2
# app nodes sharing a throwaway PostgreSQL server, all on this machine with the bundled demo data.
# Usage: scripts/bench-cluster.sh [--seconds N] [--concurrency N] [--nodes 1,2] [--node-heap 512m]
# Needs PostgreSQL's server binaries (Debian's postgresql; installed when missing and run as root).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
./dailypapers --version >/dev/null   # builds the jar if needed
. scripts/test-postgres.sh
start_test_postgres
PG_PORT=$(sed -E 's#.*:([0-9]+)/.*#\1#' <<<"$DAILYPAPERS_TEST_PG_URL")
"$PG_TEST_BINDIR/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE DATABASE bench"
DB_URL=${DAILYPAPERS_TEST_PG_URL/\/postgres?/\/bench?}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
./dailypapers bench cluster --db-url "$DB_URL" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
