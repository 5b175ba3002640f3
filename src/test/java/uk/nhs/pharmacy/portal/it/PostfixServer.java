package uk.nhs.pharmacy.portal.it;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Postfix on loopback that enforces Send As on the envelope sender: SASL through the test
 * Dovecot, and {@code reject_sender_login_mismatch} against the sender-login map the portal serves
 * over socketmap. Filtering, accepted mail goes through the portal's content filter
 * (deploy/mailplatform/portal-mail-filter, set up as deploy/mailplatform/postfix-master.cf.snippet
 * says) and what leaves, bounces included, is written to a folder the test reads ({@link #delivered});
 * otherwise it is discarded. Runs from a folder
 * under the system's temporary folder; needs Debian's postfix, python3 for the filter, and root.
 */
final class PostfixServer implements AutoCloseable {

    static final int PORT = 10025;
    /** The smtpd the content filter hands mail back to: no filter, loopback clients only. */
    static final int REINJECTION_PORT = 10026;

    /** Set by {@link #start}: a folder the postfix user can reach (see {@link DaemonDirectory}). */
    private Path dir;

    static boolean installed() {
        return new File("/usr/sbin/postfix").canExecute() && new File("/etc/postfix/master.cf").canRead()
                && new File("/usr/bin/python3").canExecute(); // the content filter
    }

    PostfixServer start(int saslPort, int socketmapPort) throws Exception {
        return start(saslPort, socketmapPort, false);
    }

    /** Postfix, with the content filter if {@code filtering}; what it would send out is kept in {@link #delivered}. */
    PostfixServer start(int saslPort, int socketmapPort, boolean filtering) throws Exception {
        stopIfRunning();
        dir = DaemonDirectory.fresh("postfix");
        if (filtering) {
            Files.createDirectories(dir.resolve("delivered"));
            Files.setPosixFilePermissions(dir.resolve("delivered"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.writeString(dir.resolve("capture.py"), "import sys, time\n"
                    + "open(sys.argv[1] + '/' + str(time.time_ns()) + '.eml', 'wb').write("
                    + "('X-Envelope-To: ' + sys.argv[2] + '\\n').encode() + sys.stdin.buffer.read())\n");
            // The filter runs as nobody: its copy lives in the daemon folder, which every user can reach.
            Files.copy(Path.of("deploy/mailplatform/portal-mail-filter"), dir.resolve("portal-mail-filter"));
            Files.setPosixFilePermissions(dir.resolve("portal-mail-filter"),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createDirectories(dir.resolve("queue"));
        Files.createDirectories(dir.resolve("data"));
        Files.setOwner(dir.resolve("data"), dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postfix"));
        String master = Files.readAllLines(Path.of("/etc/postfix/master.cf")).stream().map(line -> {
            if (line.matches("^smtp\\s+inet\\s.*")) {
                return "127.0.0.1:" + PORT + " inet n - n - - smtpd" + (filtering ? " -o content_filter=portalfilter:dummy" : "");
            }
            String[] f = line.trim().split("\\s+");
            if (!line.startsWith("#") && !line.startsWith(" ") && f.length >= 8
                    && f[1].matches("unix|inet|fifo|unix-dgram|pass") && !f[4].equals("n")) {
                f[4] = "n"; // no chroot: the queue is a test folder
                return String.join(" ", f);
            }
            return line;
        }).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(dir.resolve("master.cf"), filtering ? master + filterServices(socketmapPort) : master);
        Files.writeString(dir.resolve("main.cf"), """
                compatibility_level = 3.6
                meta_directory = /etc/postfix
                queue_directory = %1$s/queue
                data_directory = %1$s/data
                mail_owner = postfix
                inet_interfaces = 127.0.0.1
                inet_protocols = ipv4
                myhostname = portal-test.localdomain
                mydestination =
                relayhost =
                maillog_file_prefixes = %1$s
                maillog_file = %1$s/postfix.log
                default_transport = %4$s
                relay_transport = %4$s
                local_transport = %4$s
                portalfilter_destination_recipient_limit = 1
                mynetworks = 127.0.0.0/8
                smtpd_sasl_auth_enable = yes
                smtpd_sasl_type = dovecot
                smtpd_sasl_path = inet:127.0.0.1:%2$d
                smtpd_sender_login_maps = socketmap:inet:127.0.0.1:%3$d:senders
                smtpd_sender_restrictions = reject_sender_login_mismatch
                smtpd_relay_restrictions = permit_sasl_authenticated, reject
                smtpd_recipient_restrictions = permit_sasl_authenticated, reject
                """.formatted(dir, saslPort, socketmapPort, filtering ? "capture" : "discard:"));
        run("/usr/sbin/postfix", "-c", dir.toString(), "start");
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", PORT)) {
                return this;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("Postfix did not start; see " + dir.resolve("postfix.log"));
    }

    /** The content filter's two services, as deploy/mailplatform/postfix-master.cf.snippet has them. */
    private String filterServices(int socketmapPort) {
        return "127.0.0.1:" + REINJECTION_PORT + " inet n - n - - smtpd -o content_filter= -o smtpd_sasl_auth_enable=no"
                + " -o smtpd_sender_restrictions= -o smtpd_relay_restrictions=permit_mynetworks,reject"
                + " -o smtpd_recipient_restrictions=permit_mynetworks,reject -o mynetworks=127.0.0.0/8\n"
                + "portalfilter unix - n n - 10 pipe flags=Rq user=nobody null_sender=\n"
                + "  argv=" + dir.resolve("portal-mail-filter") + " 127.0.0.1:" + socketmapPort + " 127.0.0.1:" + REINJECTION_PORT
                + " ${sender} ${recipient}\n"
                // Instead of the internet: each message that would leave, bounces too, as a file.
                + "capture unix - n n - - pipe flags=R user=nobody argv=/usr/bin/python3 " + dir.resolve("capture.py") + " "
                + dir.resolve("delivered") + " ${recipient}\n";
    }

    /** Every message that would have left Postfix so far: an X-Envelope-To line with its recipient, then the message. */
    java.util.List<String> delivered() throws IOException {
        try (var files = Files.list(dir.resolve("delivered"))) {
            return files.sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    return "";
                }
            }).toList();
        }
    }

    /** Points the filter at another socketmap port (where nobody answers: the portal is away), or back, and reloads Postfix. */
    void askPortalAt(int socketmapPort) throws Exception {
        String master = Files.readString(dir.resolve("master.cf"));
        Files.writeString(dir.resolve("master.cf"), master.replaceAll("portal-mail-filter 127\\.0\\.0\\.1:\\d+ ",
                "portal-mail-filter 127.0.0.1:" + socketmapPort + " "));
        run("/usr/sbin/postfix", "-c", dir.toString(), "reload");
    }

    /** Postfix's own log, for a failing test's message. */
    String log() {
        try {
            return Files.readString(dir.resolve("postfix.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Asks Postfix to try every queued message again now. */
    void flush() throws Exception {
        run("/usr/sbin/postqueue", "-c", dir.toString(), "-f");
    }

    /** The queue, as postqueue -p lists it. */
    String queue() throws Exception {
        Process process = new ProcessBuilder("/usr/sbin/postqueue", "-c", dir.toString(), "-p").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private void run(String... command) throws Exception {
        File output = File.createTempFile("postfix", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output.toPath())
                        + (Files.exists(dir.resolve("postfix.log")) ? Files.readString(dir.resolve("postfix.log")) : ""));
            }
        } finally {
            output.delete();
        }
    }

    private void stopIfRunning() {
        if (dir != null && Files.exists(dir.resolve("main.cf"))) {
            try {
                run("/usr/sbin/postfix", "-c", dir.toString(), "stop");
            } catch (Exception ignored) {
                // not running
            }
        }
    }

    @Override
    public void close() {
        stopIfRunning();
        DaemonDirectory.deleteQuietly(dir);
    }
}
