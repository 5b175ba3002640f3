package uk.nhs.pharmacy.portal.provisioning;

import java.util.Map;
import java.util.Set;

/**
 * What a mail platform adapter does for the portal. Every call sets the platform to a state
 * ("this person holds exactly these rights"), so applying the same event twice is harmless.
 * Addresses are lower-case NHSmail addresses.
 */
public interface MailPlatform {

    /** A name for logs and the premises page, e.g. "dovecot 127.0.0.1:10143". */
    String name();

    /** Makes sure the shared mailbox exists on the platform. */
    void createMailbox(String mailbox) throws PlatformException;

    /** Sets a person's rights on a mailbox to exactly {@code rights} (FULL_ACCESS, SEND_AS, SEND_ON_BEHALF, OWNER). */
    void setRights(String mailbox, String person, Set<String> rights) throws PlatformException;

    /** Takes all of a person's rights on a mailbox away. */
    void removeRights(String mailbox, String person) throws PlatformException;

    /** Closes every open session of the person, so a revoke takes effect on sessions already open. */
    void disconnect(String person) throws PlatformException;

    /** The rights each person holds on the mailbox now, as the platform reports them (for reconciliation). */
    Map<String, Set<String>> readRights(String mailbox) throws PlatformException;

    /**
     * When each person last signed in, where the platform records it (addresses in lower case); empty
     * where it cannot tell. Read periodically by {@link SignInImport} for the access reviews' worklist.
     */
    default Map<String, java.time.Instant> lastSignIns() throws PlatformException {
        return Map.of();
    }

    /** The platform refused or could not be reached; the dispatcher retries. */
    class PlatformException extends Exception {
        public PlatformException(String message, Throwable cause) {
            super(message, cause);
        }

        public PlatformException(String message) {
            super(message);
        }
    }
}
