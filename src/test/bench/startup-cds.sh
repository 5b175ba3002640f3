#!/usr/bin/env bash
# Start-up with class-data sharing, one command:   bash src/test/bench/startup-cds.sh [runs]
# On the benchmark's national H2 data (run.sh h2 first), RUNS times each (default 3), alternating:
#   plain     java -jar payara-micro.jar ...                      (as run.sh measures it)
#   launcher  java -jar <rootdir>/launch-micro.jar ...            (Payara Micro's runtime unpacked once)
#   cds       the launcher with the class archive a first start wrote (-XX:SharedArchiveFile)
# each from the java command to /health/ready answering 200, then medians. Not adopted for production
# (docs/benchmarks.md): the root directory keeps the deployed application, and a start after kill -9
# deployed it a second time over the first. Never part of the test command.
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS="${1:-3}"
PORT="${BENCH_PORT:-18098}"
OUT="$PWD/target/bench"
ROOT="$OUT/micro-root"
[ -d "$OUT/h2" ] || { echo "no national H2 data: run bash src/test/bench/run.sh h2 first" >&2; exit 1; }
[ -f target/portal.war ] || mvn -q -B -DskipTests package
JVM=(-Xmx1g -XX:+UseG1GC -Duser.timezone=UTC -Dhazelcast.phone.home.enabled=false -Dhazelcast.socket.bind.any=false
     -Dportal.demo=true "-Dportal.data.dir=$OUT/h2" -Dportal.mfa.relaxed=true)
ARGS=(--deploy target/portal.war --contextroot / --nocluster --port "$PORT"
      --prebootcommandfile deploy/payara-micro/loopback.asadmin --postbootcommandfile deploy/payara-micro/single-instance.asadmin)

start() { # start <label> <java options...>: prints the seconds to ready
  local label=$1 started pid; shift
  started=$(date +%s.%N)
  java "$@" > "$OUT/startup-$label.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "the $label start stopped; see $OUT/startup-$label.log" >&2; exit 1; }
    sleep 0.1
  done
  python3 -c "print('%.1f' % ($(date +%s.%N) - $started))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

rm -rf "$ROOT"
java -jar target/payara-micro.jar --rootdir "$ROOT" --outputlauncher > "$OUT/startup-launcher.log" 2>&1
echo "first start, writing the class archive at exit: $(start archive "${JVM[@]}" -XX:ArchiveClassesAtExit="$ROOT/portal.jsa" -jar "$ROOT/launch-micro.jar" "${ARGS[@]}") s" >&2
plain=(); launcher=(); cds=()
for _ in $(seq 1 "$RUNS"); do
  plain+=("$(start plain "${JVM[@]}" -jar target/payara-micro.jar "${ARGS[@]}")")
  launcher+=("$(start launcher "${JVM[@]}" -jar "$ROOT/launch-micro.jar" "${ARGS[@]}")")
  cds+=("$(start cds "${JVM[@]}" -Xshare:on -XX:SharedArchiveFile="$ROOT/portal.jsa" -jar "$ROOT/launch-micro.jar" "${ARGS[@]}")")
done
python3 - "${plain[*]}" "${launcher[*]}" "${cds[*]}" <<'PY'
import statistics, sys
for name, values in zip(('plain', 'launcher', 'cds'), sys.argv[1:]):
    v = [float(x) for x in values.split()]
    print('%-9s median %.1f s of %s' % (name, statistics.median(v), v))
PY
