package uk.nhs.pharmacy.portal.leaver;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The portal's scheduled work on the platform's timer service: expired access, future-dated leaver
 * cases, and leavers past their 30 days. It runs once just after start-up, catching up on whatever
 * came due while the server was down, then every {@code portal.schedule.minutes} minutes (default 5). The
 * singleton's lock keeps two runs from overlapping; each piece of work is its own transaction.
 */
@Startup
@Singleton
@DependsOn("DemoDataLoader")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Schedule {

    private static final Logger LOG = Logger.getLogger(Schedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ExpirySweep expirySweep;

    @Inject
    LeaverSchedule leavers;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portal.schedule.minutes", defaultValue = "5")
    int everyMinutes;

    @Inject
    BulkLeaverRunner bulkLeavers;

    @PostConstruct
    void start() {
        // The catch-up runs on the timer a moment after start-up rather than inside it: after a long
        // outage there may be many thousands of expired grants, and the portal should be up meanwhile.
        timers.createSingleActionTimer(1000, new TimerConfig("portal-catch-up", false));
        int resumed = bulkLeavers.resumeInterrupted();
        if (resumed > 0) {
            LOG.info(() -> "Resumed " + resumed + " bulk leaver jobs interrupted by the last shutdown");
        }
        ScheduleExpression schedule = new ScheduleExpression().hour("*").minute("*/" + Math.max(1, everyMinutes));
        timers.createCalendarTimer(schedule, new TimerConfig("portal-schedule", false));
    }

    @Timeout
    void onTimer(Timer timer) {
        runAt(clock.instant());
    }

    /** Everything due at {@code now}; also what a test calls with a chosen time. */
    public void runAt(Instant now) {
        try {
            int expired = expirySweep.sweep(now);
            int cases = leavers.runDue(now);
            int lapsed = leavers.disableLapsedLeavers(now);
            if (cases + lapsed > 0) {
                LOG.info(() -> "Schedule at " + now + ": " + expired + " expired, " + cases + " leaver cases run, "
                        + lapsed + " lapsed leavers disabled");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled work failed; the next run tries again", e);
        }
    }
}
