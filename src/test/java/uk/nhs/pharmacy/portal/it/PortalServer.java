package uk.nhs.pharmacy.portal.it;

import java.io.File;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
        requireFree(port);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-Duser.timezone=UTC", "-Dhazelcast.phone.home.enabled=false", "-Dhazelcast.socket.bind.any=false",
                // tests sign the same administrator in many times within one 30-second code
                "-Dportal.mfa.reuseWithinStep=true",
                "-Dportal.demo=true",
                "-Dportal.data.dir=" + dataDir.toAbsolutePath(),
                "-Ddb.url=" + dbUrl, "-Ddb.class=" + dbClass, "-Ddb.user=" + dbUser, "-Ddb.password=" + dbPassword));
        command.addAll(extraProperties);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", "target/portal.war", "--contextroot", "/",
                "--nocluster", "--port", String.valueOf(port),
                "--prebootcommandfile", "deploy/payara-micro/loopback.asadmin",
                "--postbootcommandfile", "deploy/payara-micro/single-instance.asadmin"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
        awaitReady(process, port, log);
        return process;
    }

    /** A port nothing listens on now, for a portal of a test's own (never a fixed one another run may hold). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void requireFree(int port) throws IOException {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // free
        } catch (BindException taken) {
            throw new IllegalStateException("Port " + port + " is already taken by another process (another portal or test run?)");
        }
    }

    /**
     * Waits until /health/ready answers 200. Payara logging "ready" is not enough: the first
     * requests still initialise the application. Under load that can take long, so the wait runs to
     * 180 s from the start and at least 120 s after Payara said it was ready. A portal that never
     * becomes ready is stopped after a thread dump into its log, and the last answer is reported.
     */
    private static void awaitReady(Process process, int port, File log) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(180).toNanos();
        boolean saidReady = false;
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log.toPath(), StandardCharsets.ISO_8859_1);
            if (!process.isAlive() || output.contains("Failed to start") || output.contains("Exception while loading the app")) {
                process.destroyForcibly();
                throw new IllegalStateException("The portal failed to start; see " + log.getAbsolutePath());
            }
            if (!saidReady && output.contains(" ready in ")) {
                saidReady = true;
                deadline = Math.max(deadline, System.nanoTime() + Duration.ofSeconds(120).toNanos());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(15)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(500);
        }
        long waited = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        threadDump(process, log);
        process.destroyForcibly();
        throw new IllegalStateException("The portal on port " + port + " was not ready after " + waited + " s (Payara "
                + (saidReady ? "said it was ready" : "never said it was ready") + "); last answer: " + last
                + "; see " + log.getAbsolutePath() + ", which ends with a thread dump");
    }

    private static void threadDump(Process process, File log) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            jcmd.waitFor(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the dump is a diagnosis aid only
        }
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
