#!/usr/bin/env bash
# What one grant or revoke costs MariaDB in statements: the portal on the benchmark's MariaDB database
# (grown by `run.sh mariadb`), grant-then-revoke over the JSON API one call at a time, and MariaDB's own
# counters (SHOW GLOBAL STATUS) divided by the calls, read 3 s after the last so that the background
# delivery of those changes is counted too. Each PORTAL_EXTRA given is one start, in turn (an A/B of a
# setting), e.g.:
#   bash src/test/bench/statements-per-call.sh "-Dplatform.dispatch.gatherMillis=0" ""
# CALLS (default 2000) after 200 warm-up calls. Not a timing: the counters are what it reports.
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/bench/portal.sh
PORT="${BENCH_PORT:-18095}"
OUT="$PWD/target/bench"
mkdir -p "$OUT"
[ -f target/portal.war ] || mvn -q -B -DskipTests package
[ $# -gt 0 ] || set -- ""
for extra in "$@"; do
  # shellcheck disable=SC2086 # each PORTAL_EXTRA word is an option
  portal_java "$PORT" -Dportal.demo=true "-Dportal.data.dir=$OUT/h2" -Dportal.mfa.relaxed=true $extra "${BENCH_MARIADB[@]}" \
    > "$OUT/portal-statements.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 480); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready" && break; sleep 0.25; done
  printf '%s: ' "${extra:-defaults}"
  python3 src/test/bench/statements_per_call.py "$PORT" "${CALLS:-2000}"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
