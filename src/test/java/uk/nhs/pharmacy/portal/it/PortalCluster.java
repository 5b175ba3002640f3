package uk.nhs.pharmacy.portal.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The portal as a cluster, started by the script a user runs ({@code deploy/cluster/cluster.sh}):
 * two members on a MariaDB of the test's own, behind nginx with TLS, all on loopback.
 */
final class PortalCluster implements AutoCloseable {

    static final Path DIR = Path.of("target/cluster").toAbsolutePath();
    private final Map<String, String> env;
    final int httpBase;
    final int nginxPort;
    private final int gridBase;

    private PortalCluster(LocalMariaDb db, int httpBase, int gridBase, int nginxPort, String javaOptions) {
        this.httpBase = httpBase;
        this.nginxPort = nginxPort;
        this.gridBase = gridBase;
        this.env = new java.util.HashMap<>();
        env.put("DB_URL", db.url("portal"));
        env.put("DB_USER", LocalMariaDb.USER);
        env.put("DB_PASSWORD", LocalMariaDb.PASSWORD);
        env.put("MEMBERS", "2");
        env.put("HTTP_BASE_PORT", String.valueOf(httpBase));
        env.put("GRID_BASE_PORT", String.valueOf(gridBase));
        env.put("NGINX_PORT", String.valueOf(nginxPort));
        env.put("CLUSTER_DIR", DIR.toString());
        env.put("MEMBER_JAVA_OPTS", javaOptions);
        env.put("PAYARA_MICRO_JAR", System.getProperty("payara.microJar", "target/payara-micro.jar"));
        env.put("GRID_SETTLE_SECONDS", "5");
    }

    static PortalCluster start(LocalMariaDb db, String javaOptions) throws Exception {
        Files.createDirectories(DIR);
        PortalCluster cluster = new PortalCluster(db, freePair(), freePair(), PortalServer.freePort(), javaOptions);
        cluster.script("start");
        return cluster;
    }

    String nginx() {
        return "https://127.0.0.1:" + nginxPort + "/";
    }

    /** The port member n's data grid listens on. */
    int gridPort(int n) {
        return gridBase + n - 1;
    }

    String member(int n) {
        return "http://127.0.0.1:" + (httpBase + n - 1) + "/";
    }

    /** The member nginx sent the last request to, from its access log ($upstream_addr). */
    int lastServedBy() throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("nginx/access.log"));
        String last = lines.get(lines.size() - 1);
        // a request nginx passed on lists each member it tried: "127.0.0.1:18081, 127.0.0.1:18082"; the last answered
        java.util.regex.Matcher tried = java.util.regex.Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(last);
        int port = -1;
        while (tried.find()) {
            port = Integer.parseInt(tried.group(1));
        }
        if (port < httpBase || port > httpBase + 1) {
            throw new IllegalStateException("no member in " + last);
        }
        return port - httpBase + 1;
    }

    void kill(int member) throws Exception {
        script("kill", String.valueOf(member));
    }

    void startMember(int member) throws Exception {
        script("start-member", String.valueOf(member));
    }

    void rollingRestart() throws Exception {
        script("restart");
    }

    private void script(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "deploy/cluster/cluster.sh"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/cluster-script.log")));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("cluster.sh " + String.join(" ", arguments) + " failed; see target/cluster-script.log"
                    + " and " + DIR);
        }
    }

    /** Two free consecutive loopback ports (member 1 and member 2). */
    private static int freePair() {
        for (int i = 0; i < 50; i++) {
            int port = PortalServer.freePort();
            try (var next = new java.net.ServerSocket(port + 1, 1, java.net.InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no two free consecutive ports");
    }

    @Override
    public void close() throws Exception {
        script("stop");
    }
}
