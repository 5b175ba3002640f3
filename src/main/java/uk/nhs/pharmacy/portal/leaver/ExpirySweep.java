package uk.nhs.pharmacy.portal.leaver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.mailbox.MailboxRepository;
import uk.nhs.pharmacy.portal.mailbox.MailboxService;

import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Revokes time-limited access that has expired, as the system. Each expiry is its own transaction,
 * and running twice changes nothing more. {@link Schedule} runs it at start-up and on its timer.
 */
@ApplicationScoped
public class ExpirySweep {

    private static final Logger LOG = Logger.getLogger(ExpirySweep.class.getName());
    private static final int BATCH = 500;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    MailboxService service;

    /** Expires everything due at {@code now}; returns how many were revoked. */
    public int sweep(Instant now) {
        int revoked = 0;
        while (true) {
            List<Long> due = mailboxes.expiredIds(now, BATCH);
            int before = revoked;
            for (Long id : due) {
                try {
                    service.expire(id, now);
                    revoked++;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not expire delegation " + id + "; the next sweep tries again", e);
                }
            }
            if (due.size() < BATCH || revoked == before) {
                break;
            }
        }
        if (revoked > 0) {
            int count = revoked;
            LOG.info(() -> "Expiry sweep revoked " + count + " expired delegations");
        }
        return revoked;
    }
}
