package uk.nhs.pharmacy.portal.it;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Dovecot on loopback for the platform tests, configured as ../shared/MAILPLATFORM.md
 * describes: passwd-file users, a master user for the portal, a shared namespace and the ACL
 * plugin with no ACL cache. Runs from a folder under the system's temporary folder; needs Debian's dovecot-imapd and root.
 */
final class DovecotServer implements AutoCloseable {

    static final int PORT = 10143;
    /** Dovecot's authentication service for Postfix's SASL. */
    static final int AUTH_PORT = 10144;
    static final String MASTER = "portal-admin";
    static final String MASTER_PASSWORD = "master-secret-for-tests";
    private Map<String, String> users = Map.of();

    /** Set by {@link #start}: a folder the dovecot user can reach (see {@link DaemonDirectory}). */
    private Path dir;

    static boolean installed() {
        return new File("/usr/sbin/dovecot").canExecute() && new File("/usr/bin/doveadm").canExecute();
    }

    Path config() {
        return dir.resolve("dovecot.conf");
    }

    /** The doveadm command line the portal uses to kick sessions. */
    String doveadm() {
        return "/usr/bin/doveadm -c " + config();
    }

    /** Writes the configuration for these users (address to password) and starts Dovecot. */
    DovecotServer start(Map<String, String> users) throws Exception {
        stopIfRunning();
        dir = DaemonDirectory.fresh("dovecot");
        this.users = Map.copyOf(users);
        for (String sub : List.of("run", "state", "home", "dict")) {
            Files.createDirectories(dir.resolve(sub));
        }
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal dovecot = lookup.lookupPrincipalByName("dovecot");
        GroupPrincipal dovecotGroup = lookup.lookupPrincipalByGroupName("dovecot");
        for (String owned : List.of("home", "dict")) {
            Files.setOwner(dir.resolve(owned), dovecot);
        }
        StringBuilder passwd = new StringBuilder();
        users.forEach((address, password) -> passwd.append(address).append(":{PLAIN}").append(password).append("::::::\n"));
        Files.writeString(dir.resolve("users"), passwd);
        Files.writeString(dir.resolve("masters"), MASTER + ":{PLAIN}" + MASTER_PASSWORD + "\n");
        for (String secret : List.of("users", "masters")) {
            Files.getFileAttributeView(dir.resolve(secret), PosixFileAttributeView.class).setGroup(dovecotGroup);
        }
        Files.writeString(config(), """
                listen = 127.0.0.1
                protocols = imap
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                auth_master_user_separator = *
                mail_uid = dovecot
                mail_gid = dovecot
                first_valid_uid = 100
                first_valid_gid = 100
                mail_location = maildir:~/Maildir
                mail_plugins = $mail_plugins acl
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %2$d
                  }
                }
                service auth {
                  inet_listener {
                    address = 127.0.0.1
                    port = %3$d
                  }
                }
                passdb {
                  driver = passwd-file
                  args = %1$s/masters
                  master = yes
                  result_success = continue
                }
                passdb {
                  driver = passwd-file
                  args = username_format=%%u %1$s/users
                }
                userdb {
                  driver = passwd-file
                  args = username_format=%%u %1$s/users
                  default_fields = home=%1$s/home/%%u
                }
                namespace inbox {
                  inbox = yes
                  separator = /
                }
                namespace {
                  type = shared
                  separator = /
                  prefix = shared/%%%%u/
                  location = maildir:%%%%h/Maildir:INDEXPVT=~/Maildir/shared/%%%%u
                  subscriptions = no
                  list = children
                }
                protocol imap {
                  mail_plugins = $mail_plugins imap_acl last_login
                }
                plugin {
                  last_login_dict = file:%1$s/dict/last-login.dict
                  acl = vfile::cache_secs=0
                  acl_shared_dict = file:%1$s/dict/shared-mailboxes.db
                  acl_user = %%u
                  acl_defaults_from_inbox = yes
                }
                """.formatted(dir, PORT, AUTH_PORT));
        run("/usr/sbin/dovecot", "-c", config().toString());
        awaitLogin();
        return this;
    }

    /** The last_login plugin's dictionary, as the portal's {@code platform.lastLogin.dict} names it. */
    String lastLoginDict() {
        return "file:" + dir + "/dict/last-login.dict";
    }

    /** Starts Dovecot again with the configuration already written (after {@link #stop()}). */
    void restart() throws Exception {
        run("/usr/sbin/dovecot", "-c", config().toString());
        awaitLogin();
    }

    /**
     * Waits until a user can log in over IMAP and log out again. An open port is not enough: while
     * a master starts (or an old one is still going), a session can be accepted and then closed
     * with "BYE Server shutting down".
     */
    void awaitLogin() throws Exception {
        Map.Entry<String, String> user = users.entrySet().iterator().next();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                last = loginAndLogout(user.getKey(), user.getValue());
                if (last.startsWith("a OK")) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Dovecot did not accept a login within 20 s (" + last + "); see "
                + dir.resolve("dovecot.log"));
    }

    /** One IMAP LOGIN and LOGOUT on a plain socket; returns the tagged answer to the LOGIN. */
    private static String loginAndLogout(String user, String password) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            socket.setSoTimeout(3000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            var out = socket.getOutputStream();
            String greeting = in.readLine();
            if (greeting == null || !greeting.startsWith("* OK")) {
                return "greeting: " + greeting;
            }
            out.write(("a LOGIN \"" + user + "\" \"" + password + "\"\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("a ")) {
                // untagged answers
            }
            out.write("b LOGOUT\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            return String.valueOf(line);
        }
    }

    /** Stops Dovecot and waits until its master process has ended, so that a restart is a new one. */
    void stop() throws Exception {
        Path pidFile = dir.resolve("run/master.pid");
        var master = Files.exists(pidFile)
                ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                : java.util.Optional.<ProcessHandle>empty();
        run("/usr/sbin/dovecot", "-c", config().toString(), "stop");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (master.isPresent() && master.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", PORT)) {
                Thread.sleep(50);
            } catch (IOException stopped) {
                return;
            }
        }
    }

    private void stopIfRunning() {
        if (dir != null && Files.exists(config())) {
            try {
                stop();
            } catch (Exception ignored) {
                // not running
            }
        }
    }

    /** Runs doveadm with this configuration, e.g. to change an ACL behind the portal's back. */
    String doveadm(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/doveadm", "-c", config().toString()));
        command.addAll(List.of(arguments));
        return run(command.toArray(String[]::new));
    }

    /** Runs a command to its end; output goes through a file, as a daemon keeps a pipe open after it forks. */
    private String run(String... command) throws Exception {
        File output = Files.createTempFile(dir.resolve("run"), "command", ".out").toFile();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            String text = Files.readString(output.toPath());
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + text);
            }
            return text;
        } finally {
            output.delete();
        }
    }

    @Override
    public void close() {
        stopIfRunning();
        DaemonDirectory.deleteQuietly(dir);
    }
}
