#!/usr/bin/env bash
# The audit sealer's cost to grant-then-revoke: the same portal (H2, demo data, loopback) with the
# sealer at its default (every 2 s) and with it held off for the run (portal.audit.seal.seconds a
# day), in the order off, on, off, on; reports each rate and the median ratio on/off.
# Usage: bash src/test/bench/sealer-cost.sh   (BENCH_RUNS, BENCH_SECONDS, BENCH_WARMUP as in run.sh;
#        BENCH_LEVEL_WARMUP, default 30 s, settles each client count before its runs)
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT="${BENCH_PORT:-18097}"
OUT="$PWD/target/bench/sealer"
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -f target/portal.war ] || mvn -q -B -DskipTests package
run() { # run <label> <seal seconds>
  rm -rf "$OUT/h2-$1"
  java -Xmx1g -XX:+UseG1GC -Duser.timezone=UTC -Dhazelcast.phone.home.enabled=false -Dhazelcast.socket.bind.any=false \
    -Dportal.demo=true "-Dportal.data.dir=$OUT/h2-$1" -Dportal.mfa.relaxed=true "-Dportal.audit.seal.seconds=$2" \
    -jar target/payara-micro.jar --deploy target/portal.war --contextroot / --nocluster --port "$PORT" \
    --prebootcommandfile deploy/payara-micro/loopback.asadmin --postbootcommandfile deploy/payara-micro/single-instance.asadmin > "$OUT/portal-$1.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 480); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready" && break; sleep 0.25; done
  python3 src/test/bench/sealer_cost.py "http://127.0.0.1:$PORT" "$1" "$OUT/$1.json"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
run off-1 86400
run on-1 2
run off-2 86400
run on-2 2
python3 - "$OUT" <<'PY'
import json, statistics, sys
out = sys.argv[1]
r = {k: json.load(open('%s/%s.json' % (out, k))) for k in ('off-1', 'on-1', 'off-2', 'on-2')}
for clients in ('1', '16'):
    on = statistics.median([r['on-1'][clients]['rate'], r['on-2'][clients]['rate']])
    off = statistics.median([r['off-1'][clients]['rate'], r['off-2'][clients]['rate']])
    print('%2s clients: sealer on %.1f req/s, held off %.1f req/s: on/off %.3f (runs: on %s %s, off %s %s)' % (
        clients, on, off, on / off, r['on-1'][clients]['rates'], r['on-2'][clients]['rates'],
        r['off-1'][clients]['rates'], r['off-2'][clients]['rates']))
print('verify after the on runs:', r['on-1']['verify'], r['on-2']['verify'])
PY
