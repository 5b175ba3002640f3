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
 * over socketmap. Accepted mail is discarded. Runs from a folder under the system's temporary folder; needs Debian's postfix and root.
 */
final class PostfixServer implements AutoCloseable {

    static final int PORT = 10025;

    /** Set by {@link #start}: a folder the postfix user can reach (see {@link DaemonDirectory}). */
    private Path dir;

    static boolean installed() {
        return new File("/usr/sbin/postfix").canExecute() && new File("/etc/postfix/master.cf").canRead();
    }

    PostfixServer start(int saslPort, int socketmapPort) throws Exception {
        stopIfRunning();
        dir = DaemonDirectory.fresh("postfix");
        Files.createDirectories(dir.resolve("queue"));
        Files.createDirectories(dir.resolve("data"));
        Files.setOwner(dir.resolve("data"), dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postfix"));
        String master = Files.readAllLines(Path.of("/etc/postfix/master.cf")).stream().map(line -> {
            if (line.matches("^smtp\\s+inet\\s.*")) {
                return "127.0.0.1:" + PORT + " inet n - n - - smtpd";
            }
            String[] f = line.trim().split("\\s+");
            if (!line.startsWith("#") && !line.startsWith(" ") && f.length >= 8
                    && f[1].matches("unix|inet|fifo|unix-dgram|pass") && !f[4].equals("n")) {
                f[4] = "n"; // no chroot: the queue is a test folder
                return String.join(" ", f);
            }
            return line;
        }).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(dir.resolve("master.cf"), master);
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
                default_transport = discard:
                relay_transport = discard:
                local_transport = discard:
                smtpd_sasl_auth_enable = yes
                smtpd_sasl_type = dovecot
                smtpd_sasl_path = inet:127.0.0.1:%2$d
                smtpd_sender_login_maps = socketmap:inet:127.0.0.1:%3$d:senders
                smtpd_sender_restrictions = reject_sender_login_mismatch
                smtpd_relay_restrictions = permit_sasl_authenticated, reject
                smtpd_recipient_restrictions = permit_sasl_authenticated, reject
                """.formatted(dir, saslPort, socketmapPort));
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
