package uk.nhs.pharmacy.portal.leaver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.account.AccountService;
import uk.nhs.pharmacy.portal.security.Actor;

import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs future-dated leaver cases whose date has come, and disables leavers whose 30 days passed
 * with no joiner. Each case is its own transaction; a case that already ran is skipped.
 */
@ApplicationScoped
public class LeaverSchedule {

    private static final Logger LOG = Logger.getLogger(LeaverSchedule.class.getName());
    private static final int BATCH = 200;

    @Inject
    LeaverRepository cases;

    @Inject
    LeaverService service;

    @Inject
    AccountService accounts;

    /** Runs every case due at {@code now}; returns how many ran. */
    public int runDue(Instant now) {
        int ran = 0;
        while (true) {
            List<Long> due = cases.dueIds(now, BATCH);
            int before = ran;
            for (Long id : due) {
                try {
                    service.runScheduled(id, now);
                    ran++;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Leaver case " + id + " could not run; the next run tries again", e);
                }
            }
            if (due.size() < BATCH || ran == before) {
                break;
            }
        }
        return ran;
    }

    public int disableLapsedLeavers(Instant now) {
        return accounts.disableLapsedLeavers(Actor.system("leaver-schedule"), now);
    }
}
