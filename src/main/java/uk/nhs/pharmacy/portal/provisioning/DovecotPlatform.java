package uk.nhs.pharmacy.portal.provisioning;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.imap.ACL;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.Rights;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The reference platform: Dovecot's IMAP ACLs (RFC 4314) through Jakarta Mail's IMAP provider,
 * logged in as a master user on the shared mailbox ({@code <mailbox>*<master>}). Full Access is
 * {@code lrswipkxte}; an owner adds {@code a}. Disconnecting runs {@code doveadm kick}, because an
 * IMAP session that already has the mailbox open keeps reading after its ACL entry is gone.
 * Send As is not an IMAP right: Postfix asks {@link SenderLoginMap}.
 */
public class DovecotPlatform implements MailPlatform {

    static final String FULL_ACCESS = "lrswipkxte";
    static final String OWNER_EXTRA = "a";

    private final String host;
    private final int port;
    private final String masterUser;
    private final String masterPassword;
    private final List<String> doveadm;
    private final Session session;
    /** Open master-user connections by mailbox, the least recently used closed beyond {@link #MAX_OPEN}. */
    private final Map<String, IMAPStore> connections = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IMAPStore> eldest) {
            if (size() > MAX_OPEN) {
                try {
                    eldest.getValue().close();
                } catch (MessagingException ignored) {
                    // closing anyway
                }
                return true;
            }
            return false;
        }
    };
    private static final int MAX_OPEN = 16;

    /** Dovecot's last_login dictionary (e.g. {@code file:/var/lib/dovecot/last-login.dict}), or empty if not kept. */
    private String lastLoginDict = "";

    /** Reads sign-ins from Dovecot's last_login plugin's dictionary, through doveadm. */
    public DovecotPlatform withLastLoginDict(String dict) {
        this.lastLoginDict = dict == null ? "" : dict.strip();
        return this;
    }

    public DovecotPlatform(String host, int port, String masterUser, String masterPassword, List<String> doveadm) {
        this.host = host;
        this.port = port;
        this.masterUser = masterUser;
        this.masterPassword = masterPassword;
        this.doveadm = List.copyOf(doveadm);
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "3000");
        properties.put("mail.imap.timeout", "5000");
        this.session = Session.getInstance(properties);
    }

    @Override
    public String name() {
        return "dovecot " + host + ":" + port;
    }

    private interface OnInbox<T> {
        T run(IMAPFolder inbox) throws MessagingException;
    }

    /**
     * Runs an action on the mailbox's INBOX over a master-user connection, reused for the next change
     * to the same mailbox (a drain after an outage touches the same few mailboxes again and again).
     * A connection that fails is dropped and the action tried once more on a new one.
     */
    private synchronized <T> T onInbox(String mailbox, OnInbox<T> action) throws PlatformException {
        try {
            return action.run(inbox(mailbox));
        } catch (MessagingException | IllegalStateException first) {
            forget(mailbox);
            try {
                return action.run(inbox(mailbox));
            } catch (MessagingException e) {
                forget(mailbox);
                throw new PlatformException(name() + " refused " + mailbox + ": " + e.getMessage(), e);
            }
        }
    }

    private IMAPFolder inbox(String mailbox) throws MessagingException {
        IMAPStore store = connections.get(mailbox);
        if (store == null || !store.isConnected()) {
            store = (IMAPStore) session.getStore("imap");
            store.connect(host, port, mailbox + "*" + masterUser, masterPassword);
            connections.put(mailbox, store);
        }
        return (IMAPFolder) store.getFolder("INBOX");
    }

    private void forget(String mailbox) {
        IMAPStore store = connections.remove(mailbox);
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // already gone
            }
        }
    }

    @Override
    public void createMailbox(String mailbox) throws PlatformException {
        onInbox(mailbox, inbox -> {
            if (!inbox.exists()) {
                inbox.create(Folder.HOLDS_MESSAGES);
            }
            return null;
        });
    }

    @Override
    public void setRights(String mailbox, String person, Set<String> rights) throws PlatformException {
        if (!rights.contains("FULL_ACCESS")) {
            removeRights(mailbox, person); // Send As alone is Postfix's business
            return;
        }
        String acl = FULL_ACCESS + (rights.contains("OWNER") ? OWNER_EXTRA : "");
        onInbox(mailbox, inbox -> {
            inbox.addACL(new ACL(person, new Rights(acl)));
            return null;
        });
    }

    @Override
    public void removeRights(String mailbox, String person) throws PlatformException {
        onInbox(mailbox, inbox -> {
            inbox.removeACL(person);
            return null;
        });
    }

    @Override
    public void disconnect(String person) throws PlatformException {
        if (doveadm.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(doveadm);
        command.addAll(List.of("kick", person));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PlatformException("doveadm kick " + person + " did not finish");
            }
            // exit 68 (EX_NOUSER) means nobody was connected: nothing to close
            if (process.exitValue() != 0 && process.exitValue() != 68 && !output.contains("no users")) {
                throw new PlatformException("doveadm kick " + person + " failed (" + process.exitValue() + "): " + output.strip());
            }
        } catch (IOException e) {
            throw new PlatformException("doveadm could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while disconnecting " + person, e);
        }
    }

    /**
     * The last_login plugin's keys ({@code shared/last-login/<user>}, the default {@code last_login_key},
     * value in seconds since the epoch), all of them through {@code doveadm dict iter}.
     */
    @Override
    public Map<String, java.time.Instant> lastSignIns() throws PlatformException {
        if (lastLoginDict.isEmpty() || doveadm.isEmpty()) {
            return Map.of();
        }
        List<String> command = new ArrayList<>(doveadm);
        command.addAll(List.of("-f", "tab", "dict", "iter", lastLoginDict, LAST_LOGIN_PREFIX));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new PlatformException("doveadm dict iter " + lastLoginDict + " failed: "
                        + new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip());
            }
            return parseLastLogins(output);
        } catch (IOException e) {
            throw new PlatformException("doveadm could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while reading sign-ins", e);
        }
    }

    static final String LAST_LOGIN_PREFIX = "shared/last-login/";

    /** doveadm's tab format: a header line "key	value", then one key and its value per line. */
    static Map<String, java.time.Instant> parseLastLogins(String output) {
        Map<String, java.time.Instant> signIns = new HashMap<>();
        for (String line : output.split("\\R")) {
            String[] cells = line.split("\t");
            if (cells.length == 2 && cells[0].startsWith(LAST_LOGIN_PREFIX) && cells[1].strip().matches("\\d{1,12}")) {
                signIns.put(cells[0].substring(LAST_LOGIN_PREFIX.length()).toLowerCase(Locale.ROOT),
                        java.time.Instant.ofEpochSecond(Long.parseLong(cells[1].strip())));
            }
        }
        return signIns;
    }

    @Override
    public Map<String, Set<String>> readRights(String mailbox) throws PlatformException {
        return onInbox(mailbox, inbox -> {
            Map<String, Set<String>> held = new HashMap<>();
            for (ACL acl : inbox.getACL()) {
                String who = acl.getName().toLowerCase(Locale.ROOT);
                if (who.equals(mailbox) || who.equals("owner") || who.equals("anyone") || who.equals("authenticated")
                        || who.startsWith("$")) {
                    continue; // the mailbox's own entry and identifiers, not people
                }
                held.put(who, portalRights(acl.getRights()));
            }
            return held;
        });
    }

    /** The portal's names for an IMAP rights set: Full Access needs read and write; owner is 'a'. */
    static Set<String> portalRights(Rights rights) {
        Set<String> portal = new TreeSet<>();
        if (rights.contains(Rights.Right.LOOKUP) && rights.contains(Rights.Right.READ) && rights.contains(Rights.Right.WRITE)) {
            portal.add("FULL_ACCESS");
        }
        if (rights.contains(Rights.Right.ADMINISTER)) {
            portal.add("OWNER");
        }
        if (portal.isEmpty()) {
            portal.add("PARTIAL:" + rights);
        }
        return portal;
    }

    static Set<String> imapRelevant(Set<String> portalRights) {
        Set<String> relevant = new TreeSet<>();
        if (portalRights.contains("FULL_ACCESS")) {
            relevant.add("FULL_ACCESS");
            if (portalRights.contains("OWNER")) {
                relevant.add("OWNER");
            }
        }
        return relevant;
    }
}
