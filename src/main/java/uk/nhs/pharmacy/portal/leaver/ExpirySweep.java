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

    /**
     * Expires everything due at {@code now}, {@value #BATCH} per transaction; a batch that fails is
     * done again one by one, so one bad row costs only itself. Returns how many were revoked.
     */
    public int sweep(Instant now) {
        long start = System.nanoTime();
        int revoked = 0;
        while (true) {
            List<Long> due = mailboxes.expiredIds(now, BATCH);
            if (due.isEmpty()) {
                break;
            }
            int done;
            try {
                done = service.expireAll(due, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A batch of " + due.size() + " expired delegations failed; expiring them one by one", e);
                done = oneByOne(due, now);
            }
            revoked += done;
            if (due.size() < BATCH || done == 0) {
                break;
            }
        }
        if (revoked > 0) {
            int count = revoked;
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.info(() -> "Expiry sweep revoked " + count + " expired delegations in " + ms + " ms");
        }
        return revoked;
    }

    private int oneByOne(List<Long> due, Instant now) {
        int revoked = 0;
        for (Long id : due) {
            try {
                service.expire(id, now);
                revoked++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not expire delegation " + id + "; the next sweep tries again", e);
            }
        }
        return revoked;
    }
}
