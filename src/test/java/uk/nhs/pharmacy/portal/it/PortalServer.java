package uk.nhs.pharmacy.portal.it;

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
import java.util.concurrent.TimeUnit;

/** Starts the built WAR on Payara Micro on loopback, as a separate process, and waits until it is ready. */
final class PortalServer {

    private PortalServer() {
    }

    static Process start(int port, Path dataDir, String dbUrl, String dbClass, String dbUser, String dbPassword,
                         List<String> extraProperties, File log) throws Exception {
        return start(port, dataDir, dbUrl, dbClass, dbUser, dbPassword, extraProperties, log, true);
    }

    /** Starts a portal; {@code fresh} wipes an H2 data directory first, otherwise it keeps what a previous run left. */
    static Process start(int port, Path dataDir, String dbUrl, String dbClass, String dbUser, String dbPassword,
                         List<String> extraProperties, File log, boolean fresh) throws Exception {
        if (fresh && dbUrl.startsWith("jdbc:h2:") && Files.exists(dataDir)) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-Duser.timezone=UTC", "-Dhazelcast.phone.home.enabled=false",
                "-Dportal.demo=true",
                "-Dportal.data.dir=" + dataDir.toAbsolutePath(),
                "-Ddb.url=" + dbUrl, "-Ddb.class=" + dbClass, "-Ddb.user=" + dbUser, "-Ddb.password=" + dbPassword));
        command.addAll(extraProperties);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", "target/portal.war", "--contextroot", "/",
                "--nocluster", "--port", String.valueOf(port),
                "--prebootcommandfile", "deploy/payara-micro/loopback.asadmin"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
        awaitReady(process, port, log);
        return process;
    }

    private static void awaitReady(Process process, int port, File log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log.toPath(), StandardCharsets.ISO_8859_1);
            if (!process.isAlive() || output.contains("Failed to start") || output.contains("Exception while loading the app")) {
                process.destroyForcibly();
                throw new IllegalStateException("The portal failed to start; see " + log.getAbsolutePath());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
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

    static void stop(Process process) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
