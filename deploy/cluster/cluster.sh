#!/usr/bin/env bash
# Runs the portal as a cluster on this host: N Payara Micro members sharing one MySQL/MariaDB
# database and one data grid (Hazelcast, TCP discovery on loopback, never multicast), behind nginx
# with TLS and HSTS. The cluster integration test starts it exactly so; on real hosts run one member
# per host with the same options (deploy/README.md, section 4).
#
#   deploy/cluster/cluster.sh start      start the members one after another, then nginx
#   deploy/cluster/cluster.sh stop       stop nginx and every member
#   deploy/cluster/cluster.sh restart    rolling restart: one member at a time leaves nginx, restarts, returns
#   deploy/cluster/cluster.sh kill N     kill -9 member N (for failover drills)
#   deploy/cluster/cluster.sh start-member N
#   deploy/cluster/cluster.sh stop-member N    N leaves nginx, then stops (the others carry on)
#
# Settings (environment): DB_URL, DB_CLASS, DB_USER, DB_PASSWORD (required); MEMBERS (2);
# HTTP_BASE_PORT (18081: member N on 18080+N); GRID_BASE_PORT (16901); NGINX_PORT (18443, TLS);
# CLUSTER_DIR (target/cluster); PORTAL_WAR (target/portal.war); PAYARA_MICRO_JAR
# (target/payara-micro.jar); GRID_SETTLE_SECONDS (10, the pause between members in a rolling
# restart); PORTAL_DEMO (true: the first member loads the demo data into an empty
# database); MEMBER_JAVA_OPTS (extra JVM options for every member, e.g. -Dportal.schedule.minutes=1);
# NGINX_BALANCE (ip_hash; 'hash $cookie_JSESSIONID consistent' spreads people behind one address);
# NGINX_HTTP_PORT (unset; a plain-HTTP listener on loopback, for the benchmark).
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${DB_URL:?set DB_URL, e.g. jdbc:mysql://127.0.0.1:3306/portal}"
DB_CLASS=${DB_CLASS:-com.mysql.cj.jdbc.MysqlDataSource}
: "${DB_USER:?set DB_USER}"
: "${DB_PASSWORD:?set DB_PASSWORD}"
MEMBERS=${MEMBERS:-2}
HTTP_BASE_PORT=${HTTP_BASE_PORT:-18081}
GRID_BASE_PORT=${GRID_BASE_PORT:-16901}
NGINX_PORT=${NGINX_PORT:-18443}
CLUSTER_DIR=$(mkdir -p "${CLUSTER_DIR:-target/cluster}" && cd "${CLUSTER_DIR:-target/cluster}" && pwd)
PORTAL_WAR=${PORTAL_WAR:-target/portal.war}
PAYARA_MICRO_JAR=${PAYARA_MICRO_JAR:-target/payara-micro.jar}
PORTAL_DEMO=${PORTAL_DEMO:-true}
MEMBER_JAVA_OPTS=${MEMBER_JAVA_OPTS:-}
NGINX_HTTP_PORT=${NGINX_HTTP_PORT:-}
NGINX_BALANCE=${NGINX_BALANCE:-ip_hash}

http_port() { echo $((HTTP_BASE_PORT + $1 - 1)); }
grid_port() { echo $((GRID_BASE_PORT + $1 - 1)); }

grid_members() {
  local list="" n
  for n in $(seq 1 "$MEMBERS"); do list="${list:+$list,}127.0.0.1:$(grid_port "$n")"; done
  echo "$list"
}

await_ready() {
  local port=$1 deadline=$((SECONDS + 240))
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    if [ $SECONDS -ge $deadline ]; then echo "member on $port not ready after 240 s" >&2; return 1; fi
    sleep 1
  done
}

start_member() {
  local n=$1 demo=$2 port grid
  port=$(http_port "$n"); grid=$(grid_port "$n")
  mkdir -p "$CLUSTER_DIR/member-$n"
  cat deploy/payara-micro/loopback.asadmin deploy/payara-micro/member.asadmin > "$CLUSTER_DIR/member-$n/preboot.asadmin"
  # shellcheck disable=SC2086
  nohup java -Xmx768m -XX:+UseSerialGC -Duser.timezone=UTC \
      -Dhazelcast.phone.home.enabled=false -Dhazelcast.socket.bind.any=false \
      -Dportal.demo="$demo" -Dportal.data.dir="$CLUSTER_DIR/member-$n" \
      -Ddb.url="$DB_URL" -Ddb.class="$DB_CLASS" -Ddb.user="$DB_USER" -Ddb.password="$DB_PASSWORD" \
      $MEMBER_JAVA_OPTS \
      -jar "$PAYARA_MICRO_JAR" --deploy "$PORTAL_WAR" --contextroot / --port "$port" \
      --name "member-$n" --clustername pharmacy-portal \
      --clustermode "tcpip:$(grid_members)" --startport "$grid" --interfaces 127.0.0.1 --nohostaware \
      --prebootcommandfile "$CLUSTER_DIR/member-$n/preboot.asadmin" \
      > "$CLUSTER_DIR/member-$n.log" 2>&1 &
  echo $! > "$CLUSTER_DIR/member-$n.pid"
  await_ready "$port"
  echo "member $n ready on http://127.0.0.1:$port (pid $(cat "$CLUSTER_DIR/member-$n.pid"))"
}

stop_member() {
  local n=$1 pid
  [ -f "$CLUSTER_DIR/member-$n.pid" ] || return 0
  pid=$(cat "$CLUSTER_DIR/member-$n.pid")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$CLUSTER_DIR/member-$n.pid"
}

# nginx: TLS with HSTS, members as upstreams. A request a member refuses, drops or answers 502/503
# (stopping) is sent to the next (proxy_next_upstream, also for a POST: a member that refused it
# changed nothing). max_fails=0: on loopback a dead member refuses at once, and a member marked
# failed while the other is restarting would leave no member at all; on separate hosts, where a
# dead host times out instead, use max_fails=1 fail_timeout=10s. Requests from one address stay on
# one member (ip_hash); its session moves with the data grid if that member goes. A member being
# restarted is marked down until it is ready.
write_nginx() {
  local down=${1:-0} dir="$CLUSTER_DIR/nginx" n
  mkdir -p "$dir/tmp"
  if [ ! -f "$dir/portal.crt" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
        -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$dir/portal.key" -out "$dir/portal.crt" >/dev/null 2>&1
  fi
  {
    echo "worker_processes 1; pid $dir/nginx.pid; error_log $dir/error.log warn;"
    echo "events { worker_connections 512; }"
    echo "http {"
    echo "  log_format upstream '\$remote_addr [\$time_local] \"\$request\" \$status \$upstream_addr \$request_time';"
    echo "  access_log $dir/access.log upstream; server_tokens off;"
    echo "  client_body_temp_path $dir/tmp/body; proxy_temp_path $dir/tmp/proxy; fastcgi_temp_path $dir/tmp/fastcgi;"
    echo "  uwsgi_temp_path $dir/tmp/uwsgi; scgi_temp_path $dir/tmp/scgi; client_max_body_size 20m;"
    echo "  upstream portal {"
    echo "    $NGINX_BALANCE;"
    for n in $(seq 1 "$MEMBERS"); do
      if [ "$n" = "$down" ]; then
        echo "    server 127.0.0.1:$(http_port "$n") down;"
      else
        echo "    server 127.0.0.1:$(http_port "$n") max_fails=0;"
      fi
    done
    echo "  }"
    echo "  server {"
    echo "    listen 127.0.0.1:$NGINX_PORT ssl;"
    if [ -n "$NGINX_HTTP_PORT" ]; then echo "    listen 127.0.0.1:$NGINX_HTTP_PORT;"; fi
    echo "    ssl_certificate $dir/portal.crt; ssl_certificate_key $dir/portal.key; ssl_protocols TLSv1.2 TLSv1.3;"
    echo "    add_header Strict-Transport-Security \"max-age=31536000; includeSubDomains\" always;"
    echo "    location / {"
    echo "      proxy_pass http://portal;"
    echo "      proxy_set_header Host \$host:\$server_port; proxy_set_header X-Forwarded-Proto \$scheme;"
    echo "      proxy_set_header X-Forwarded-For \$remote_addr;"
    echo "      proxy_connect_timeout 2s; proxy_read_timeout 60s;"
    echo "      proxy_next_upstream error timeout http_502 http_503 non_idempotent; proxy_next_upstream_tries 3;"
    echo "    }"
    echo "  }"
    echo "}"
  } > "$dir/nginx.conf"
}

nginx_reload() {
  if [ -f "$CLUSTER_DIR/nginx/nginx.pid" ] && kill -0 "$(cat "$CLUSTER_DIR/nginx/nginx.pid")" 2>/dev/null; then
    nginx -p "$CLUSTER_DIR/nginx" -c "$CLUSTER_DIR/nginx/nginx.conf" -s reload
  else
    nginx -p "$CLUSTER_DIR/nginx" -c "$CLUSTER_DIR/nginx/nginx.conf"
  fi
}

case "${1:-}" in
  start)
    command -v nginx >/dev/null || { echo "nginx is not installed: apt-get install nginx" >&2; exit 1; }
    # The first member migrates the schema and loads the demo data (if asked); the others join it.
    start_member 1 "$PORTAL_DEMO"
    for n in $(seq 2 "$MEMBERS"); do start_member "$n" false; done
    write_nginx
    nginx_reload
    echo "cluster of $MEMBERS behind https://127.0.0.1:$NGINX_PORT/"
    ;;
  start-member)
    start_member "$2" false
    ;;
  stop-member)
    write_nginx "$2"; nginx_reload; sleep 2
    stop_member "$2"
    ;;
  stop)
    if [ -f "$CLUSTER_DIR/nginx/nginx.pid" ]; then
      nginx -p "$CLUSTER_DIR/nginx" -c "$CLUSTER_DIR/nginx/nginx.conf" -s stop 2>/dev/null || true
    fi
    for n in $(seq 1 "$MEMBERS"); do stop_member "$n"; done
    ;;
  restart)
    for member in $(seq 1 "$MEMBERS"); do
      write_nginx "$member"; nginx_reload; sleep 2   # new requests go elsewhere; running ones finish
      stop_member "$member"                          # a graceful stop hands its data-grid share on
      start_member "$member" false
      write_nginx; nginx_reload
      sleep "${GRID_SETTLE_SECONDS:-10}"            # the data grid copies sessions back before the next stops
    done
    ;;
  kill)
    kill -9 "$(cat "$CLUSTER_DIR/member-$2.pid")"
    rm -f "$CLUSTER_DIR/member-$2.pid"
    ;;
  *)
    sed -n '2,20p' "$0"; exit 2
    ;;
esac
