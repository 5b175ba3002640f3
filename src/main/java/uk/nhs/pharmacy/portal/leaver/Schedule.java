package uk.nhs.pharmacy.portal.leaver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.platform.PeriodicWork;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Expired access, future-dated leaver cases, and leavers past their 30 days, once per period across
 * the cluster ({@code portal.schedule.minutes}, default 5). The first run comes a moment after
 * start-up and catches up on whatever came due while the portal was down; each piece of work is
 * its own transaction.
 */
@ApplicationScoped
public class Schedule implements PeriodicWork {

    private static final Logger LOG = Logger.getLogger(Schedule.class.getName());

    @Inject
    ExpirySweep expirySweep;

    @Inject
    LeaverSchedule leavers;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portal.schedule.minutes", defaultValue = "5")
    int everyMinutes;

    @Override
    public String name() {
        return "portal-schedule";
    }

    @Override
    public Duration every() {
        return Duration.ofMinutes(Math.max(1, everyMinutes));
    }

    @Override
    public void run() {
        runAt(clock.instant());
    }

    /** Everything due at {@code now}; also what a test calls with a chosen time. */
    public void runAt(Instant now) {
        int expired = expirySweep.sweep(now);
        int cases = leavers.runDue(now);
        int lapsed = leavers.disableLapsedLeavers(now);
        if (cases + lapsed > 0) {
            LOG.info(() -> "Schedule at " + now + ": " + expired + " expired, " + cases + " leaver cases run, "
                    + lapsed + " lapsed leavers disabled");
        }
    }
}
