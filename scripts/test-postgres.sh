# Sourced by run-tests: starts a throwaway PostgreSQL server for the tests and exports its JDBC URL as
# DAILYPAPERS_TEST_PG_URL. The cluster lives in a temporary directory and is stopped and removed on exit.
# Needs Debian's postgresql package (installed when missing and we are root).

start_test_postgres() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing postgresql for the database tests..." >&2
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    else
      echo "error: the PostgreSQL tests need a PostgreSQL server: sudo apt-get install postgresql" >&2
      return 1
    fi
  fi
  # PostgreSQL refuses to run as root: run it as the postgres user the package created.
  local as=()
  if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
  PG_TEST_DIR=$(mktemp -d /tmp/dailypapers-pg.XXXXXX)
  chmod 755 "$PG_TEST_DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_TEST_DIR"; fi
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${as[@]}" "$bindir/initdb" -D "$PG_TEST_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as[@]}" "$bindir/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w -s \
    -o "-p $port -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start
  PG_TEST_BINDIR=$bindir
  PG_TEST_AS=("${as[@]}")
  trap stop_test_postgres EXIT
  export DAILYPAPERS_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres"
  echo "PostgreSQL for the tests on port $port" >&2
}

stop_test_postgres() {
  if [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR/data" ]; then
    "${PG_TEST_AS[@]}" "$PG_TEST_BINDIR/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate -s stop || true
    rm -rf "$PG_TEST_DIR"
  fi
}
