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
import uk.nhs.pharmacy.portal.mailbox.MailboxRepository;
import uk.nhs.pharmacy.portal.mailbox.MailboxService;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Revokes time-limited access when it expires. Runs at start-up (catching up on anything that
 * expired while the server was down) and then on a calendar timer, every {@code portal.expiry.minutes}
 * minutes (default 5). Each expiry is its own transaction, and running twice changes nothing more.
 */
@Startup
@Singleton
@DependsOn("DemoDataLoader")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpirySweep {

    private static final Logger LOG = Logger.getLogger(ExpirySweep.class.getName());
    private static final int BATCH = 500;

    @Resource
    TimerService timers;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    MailboxService service;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portal.expiry.minutes", defaultValue = "5")
    int everyMinutes;

    @PostConstruct
    void start() {
        sweep(clock.instant());
        ScheduleExpression schedule = new ScheduleExpression().hour("*").minute("*/" + Math.max(1, everyMinutes));
        timers.createCalendarTimer(schedule, new TimerConfig("expiry-sweep", false));
    }

    @Timeout
    void onTimer(Timer timer) {
        sweep(clock.instant());
    }

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
