package uk.nhs.pharmacy.portal.mailbox;

import uk.nhs.pharmacy.portal.account.MailAddress;

import java.time.Instant;
import java.util.Set;

/** Access the expiry sweep revokes, with what its audit row and its platform event need: read, not managed. */
public record ExpiredAccess(long id, Instant expiresAt, boolean fullAccess, boolean sendAs, boolean sendOnBehalf,
                            boolean owner, long mailboxId, MailAddress mailboxAddress, long premisesId,
                            MailAddress accountAddress) {

    public Set<Permission> permissions() {
        return Delegation.permissionsOf(fullAccess, sendAs, sendOnBehalf);
    }

    /** As {@link Delegation#describe()} puts the same access. */
    public String describe() {
        return Delegation.describe(accountAddress, mailboxAddress, permissions(), owner, expiresAt);
    }
}
