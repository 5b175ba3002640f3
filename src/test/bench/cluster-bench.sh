#!/usr/bin/env bash
# Two members against one, through nginx:   bash src/test/bench/cluster-bench.sh
#
# Starts a MariaDB of its own in target/bench-cluster (never the machine's shared one), a cluster of
# two members behind nginx (deploy/cluster/cluster.sh, sessions spread by their cookie), and drives it
# with the national benchmark's scenarios for the floor, the premises page and grant-then-revoke
# (BENCH_ONLY); then stops member 2 and drives the one left the same way. Demo data (Greater
# Manchester), not the national set. Writes target/bench-cluster/report-{2,1}.md. Never part of the
# test command; it fails on errors, never on a time.
set -euo pipefail
cd "$(dirname "$0")/../../.."
OUT=$(pwd)/target/bench-cluster
DB_PORT=${BENCH_DB_PORT:-23306}
rm -rf "$OUT"; mkdir -p "$OUT"
[ -f target/portal.war ] || mvn -q -B -DskipTests package

mariadb-install-db --no-defaults --datadir="$OUT/db" --auth-root-authentication-method=normal --skip-test-db > "$OUT/db-install.log" 2>&1
as_root=(); [ "$(id -u)" = 0 ] && as_root=(--user=root)
/usr/sbin/mariadbd --no-defaults --datadir="$OUT/db" --port="$DB_PORT" --bind-address=127.0.0.1 --socket="$OUT/db.sock" \
    --pid-file="$OUT/db.pid" --skip-log-bin --innodb-buffer-pool-size=512M "${as_root[@]}" > "$OUT/db.log" 2>&1 &
for _ in $(seq 1 60); do mysqladmin -h 127.0.0.1 -P "$DB_PORT" -u root ping >/dev/null 2>&1 && break; sleep 0.5; done
mysql -h 127.0.0.1 -P "$DB_PORT" -u root -e "CREATE DATABASE portal CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER 'portal'@'127.0.0.1' IDENTIFIED BY 'portal-bench'; GRANT ALL ON portal.* TO 'portal'@'127.0.0.1';"

export DB_URL="jdbc:mysql://127.0.0.1:$DB_PORT/portal?rewriteBatchedStatements=true&useConfigs=maxPerformance" DB_USER=portal DB_PASSWORD=portal-bench
export CLUSTER_DIR="$OUT/cluster" MEMBERS=2 NGINX_HTTP_PORT=${BENCH_HTTP_PORT:-18480}
export NGINX_BALANCE='hash $cookie_JSESSIONID consistent' MEMBER_JAVA_OPTS='-Dportal.mfa.relaxed=true'
trap 'deploy/cluster/cluster.sh stop; kill "$(cat "$OUT/db.pid")" 2>/dev/null || true' EXIT
deploy/cluster/cluster.sh start

export BENCH_ONLY=floor_page,floor_api,premises,grant_revoke_16 BENCH_WARMUP=${BENCH_WARMUP:-60}
python3 src/test/bench/national_bench.py "http://127.0.0.1:$NGINX_HTTP_PORT" "2 members behind nginx" "$OUT/report-2.md"
deploy/cluster/cluster.sh stop-member 2
python3 src/test/bench/national_bench.py "http://127.0.0.1:$NGINX_HTTP_PORT" "1 member behind nginx" "$OUT/report-1.md"
cat "$OUT/report-2.md" "$OUT/report-1.md"
