# Sourced by ./dailypapers and ./run-tests: sets JAVA_HOME to a JDK >= 21 (Lucene 10 needs it) and exports
# it, with its major version in JAVA_MAJOR, or explains what to install. Prefers $JAVA_HOME, then the `java`
# on PATH, then the newest JDK under /usr/lib/jvm, since the machine's default java may be older.

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1 | cut -d. -f1
}

find_jdk() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}/bin/java" "$(command -v java 2>/dev/null || true)" /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] && [ -x "$(dirname "$candidate")/javac" ] || continue
    major=$(java_major "$candidate")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "error: Daily Papers needs a JDK 21 or newer (found none in JAVA_HOME, on PATH or under /usr/lib/jvm)." >&2
    echo "       Install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21/25) or set JAVA_HOME." >&2
    return 1
  fi
  JAVA_HOME=$(cd "$(dirname "$best")/.." && pwd)
  export JAVA_HOME
  JAVA_MAJOR=$best_major
}
