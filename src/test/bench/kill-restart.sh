#!/usr/bin/env bash
# Restart after kill -9, one command:   bash src/test/bench/kill-restart.sh [runs]
# The portal on the demo data (H2, a data directory of its own under target/bench/kill) is killed with
# kill -9 while a registration file of 11,500 rows is being stored, and started again; each run gives
# the seconds from the new java command to the first answered page (/login.xhtml 200), to readiness
# (/health/ready 200), and to the job finished by the restarted portal. Medians at the end.
# MICRO_LAUNCH replaces "-jar target/payara-micro.jar", e.g. with the class archive of startup-cds.sh:
#   MICRO_LAUNCH="-XX:SharedArchiveFile=target/bench/micro-root/portal.jsa -jar target/bench/micro-root/launch-micro.jar"
# Never part of the test command; it fails on errors, never on a time.
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS="${1:-3}"
PORT="${BENCH_PORT:-18097}"
DATA="$PWD/target/bench/kill"
BASE="http://127.0.0.1:$PORT"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
[ -f target/portal.war ] || { log "building the WAR"; mvn -q -B -DskipTests package; }
rm -rf "$DATA"; mkdir -p "$DATA"

start_portal() {
  java -Xmx1g -XX:+UseG1GC -Duser.timezone=UTC -Dhazelcast.phone.home.enabled=false -Dhazelcast.socket.bind.any=false \
    -Dportal.demo=true "-Dportal.data.dir=$DATA" -Dportal.mfa.relaxed=true ${PORTAL_EXTRA:-} ${MICRO_LAUNCH:--jar target/payara-micro.jar} \
    --deploy target/portal.war --contextroot / --nocluster --port "$PORT" --prebootcommandfile deploy/payara-micro/loopback.asadmin --postbootcommandfile deploy/payara-micro/single-instance.asadmin \
    >> "$DATA/portal.log" 2>&1 &
  PORTAL_PID=$!
}
trap 'kill -9 "$PORTAL_PID" 2>/dev/null || true' EXIT

log "first start (the demo data)"
start_portal
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ]; do sleep 0.5; done
results=()
for run in $(seq 1 "$RUNS"); do
  upload=$(python3 src/test/bench/kill_restart.py start "$BASE")
  kill -9 "$PORTAL_PID"; wait "$PORTAL_PID" 2>/dev/null || true
  log "run $run: killed with upload $upload storing; starting again"
  started=$(date +%s.%N)
  start_portal
  result=$(python3 src/test/bench/kill_restart.py after "$BASE" "$upload" "$started")
  log "run $run: $result"
  results+=("$result")
done
kill "$PORTAL_PID" 2>/dev/null || true; wait "$PORTAL_PID" 2>/dev/null || true
printf '%s\n' "${results[@]}" | python3 -c '
import json, statistics, sys
runs = [json.loads(l) for l in sys.stdin if l.strip()]
for key in ("first_page_s", "ready_s", "job_finished_s"):
    values = [r[key] for r in runs if r[key] is not None]
    print("%s: median %s of %d runs %s" % (key, "%.1f" % statistics.median(values) if values else "none", len(runs),
                                          ["%.1f" % v for v in values]))'
