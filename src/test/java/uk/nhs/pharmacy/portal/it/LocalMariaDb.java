package uk.nhs.pharmacy.portal.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A MariaDB server of a test's own, in {@code target/}, on a free loopback port: never the machine's
 * shared one. Made with {@code mariadb-install-db}, started with {@code mariadbd}, stopped (and its
 * files left for reading) when the test ends.
 */
final class LocalMariaDb implements AutoCloseable {

    static final String USER = "portal";
    static final String PASSWORD = "portal-cluster-it";

    private final Path dir;
    private final int port;
    private Process server;

    private LocalMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static boolean installed() {
        return new File("/usr/bin/mariadb-install-db").canExecute() && new File("/usr/sbin/mariadbd").canExecute();
    }

    /** A fresh server with an empty database {@code portal} that user {@code portal} owns. */
    static LocalMariaDb start(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(dir);
        LocalMariaDb db = new LocalMariaDb(dir.toAbsolutePath(), PortalServer.freePort());
        db.run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + db.dir.resolve("data"),
                "--auth-root-authentication-method=normal", "--skip-test-db"), "install.log");
        db.startServer();
        try (Connection root = DriverManager.getConnection(db.url("mysql"), "root", "")) {
            root.createStatement().execute("CREATE DATABASE portal CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            root.createStatement().execute("CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'");
            root.createStatement().execute("GRANT ALL ON portal.* TO '" + USER + "'@'127.0.0.1'");
        }
        return db;
    }

    /** Starts the server on its data directory and port and waits until it takes connections. */
    void startServer() throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/sbin/mariadbd", "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mysqld.pid"), "--skip-log-bin", "--innodb-buffer-pool-size=128M"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile())).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try (Connection root = DriverManager.getConnection(url("mysql"), "root", "")) {
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    close();
                    throw new IllegalStateException("MariaDB did not start; see " + dir.resolve("server.log"), notYet);
                }
                Thread.sleep(250);
            }
        }
    }

    String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?rewriteBatchedStatements=true&useConfigs=maxPerformance";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url("portal"), USER, PASSWORD);
    }

    private void run(List<String> command, String log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve(log));
        }
    }

    /** Stops the server (its files stay), as an outage would. */
    void stopServer() {
        close();
    }

    @Override
    public void close() {
        if (server != null && server.isAlive()) {
            server.destroy();
            try {
                if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
            }
        }
    }
}
