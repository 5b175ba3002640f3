# Sourced by the benchmark scripts (run.sh, statements-per-call.sh): the portal as one instance on its own,
# on the benchmark's databases. Run from the repository's root.
BENCH_MARIADB_URL="jdbc:mysql://127.0.0.1:3306/portal_bench?rewriteBatchedStatements=true&useConfigs=maxPerformance"
BENCH_MARIADB=(-Ddb.class=com.mysql.cj.jdbc.MysqlDataSource "-Ddb.url=$BENCH_MARIADB_URL"
               -Ddb.user=portal_bench -Ddb.password=portal-bench)

# portal_java <port> <java options...> &: the portal, in the background only. The shell running it becomes
# java (exec), so $! is the portal's own pid, for kill and jcmd.
portal_java() {
  local port="$1"; shift
  exec java -Xmx1g -XX:+UseG1GC -Duser.timezone=UTC -Dhazelcast.phone.home.enabled=false -Dhazelcast.socket.bind.any=false "$@" \
    -jar target/payara-micro.jar --deploy target/portal.war --contextroot / --nocluster --port "$port" \
    --prebootcommandfile deploy/payara-micro/loopback.asadmin --postbootcommandfile deploy/payara-micro/single-instance.asadmin
}
