package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one portal instance that every HTTP and browser test uses: the built WAR on Payara Micro,
 * started once per test JVM on loopback, with demo data on H2 (fresh each run) or on the
 * database the build passes in ({@code it.db.*}), and stopped when the tests end.
 */
public final class SharedPortal implements BeforeAllCallback {

    private static final Object LOCK = new Object();
    private static Running instance;
    private static Exception failedStart;

    public static String baseUrl() {
        return System.getProperty("it.baseUrl", "http://127.0.0.1:18080/");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (LOCK) {
            if (failedStart != null) {
                throw new IllegalStateException("The shared portal failed to start earlier", failedStart);
            }
            if (instance == null) {
                try {
                    instance = start();
                } catch (Exception e) {
                    failedStart = e;
                    throw e;
                }
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedPortal.class.getName(), instance);
            }
        }
    }

    private static Running start() throws Exception {
        String dbUrl = System.getProperty("it.db.url");
        Path dataDir = Path.of(System.getProperty("it.dataDir", "target/it-data"));
        if (dbUrl.startsWith("jdbc:h2:") && Files.exists(dataDir)) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(dataDir);
        int port = URI.create(baseUrl()).getPort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-Duser.timezone=UTC",
                "-Dportal.demo=true",
                "-Dportal.data.dir=" + dataDir.toAbsolutePath(),
                "-Ddb.url=" + dbUrl,
                "-Ddb.class=" + System.getProperty("it.db.class"),
                "-Ddb.user=" + System.getProperty("it.db.user"),
                "-Ddb.password=" + System.getProperty("it.db.password"),
                "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", "target/portal.war", "--contextroot", "/",
                "--nocluster", "--port", String.valueOf(port),
                "--prebootcommandfile", "deploy/payara-micro/loopback.asadmin"));
        File log = new File("target/it-portal.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
        Running portal = new Running(process);
        Runtime.getRuntime().addShutdownHook(new Thread(portal::stop));
        awaitReady(process, log);
        return portal;
    }

    private static void awaitReady(Process process, File log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log.toPath(), StandardCharsets.ISO_8859_1);
            if (!process.isAlive() || output.contains("Failed to start") || output.contains("Exception while loading the app")) {
                process.destroyForcibly();
                throw new IllegalStateException("The portal failed to start; see " + log.getAbsolutePath());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The portal was not ready within 180 s; see " + log.getAbsolutePath());
    }

    /** The started server; closed (stopped) when the test run ends. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        private final Process process;

        Running(Process process) {
            this.process = process;
        }

    void stop() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
}
