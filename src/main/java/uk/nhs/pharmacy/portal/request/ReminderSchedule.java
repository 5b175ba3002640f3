package uk.nhs.pharmacy.portal.request;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes expiry reminders just after start-up and every {@code portal.reminders.minutes} (default 60). */
@Startup
@Singleton
@DependsOn("DemoDataLoader")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReminderSchedule {

    private static final Logger LOG = Logger.getLogger(ReminderSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ExpiryReminders reminders;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portal.reminders.minutes", defaultValue = "60")
    int everyMinutes;

    @PostConstruct
    void start() {
        // The first run is a moment after start-up, on the timer, so that start-up does not wait for it.
        long every = Math.max(1, everyMinutes) * 60_000L;
        timers.createIntervalTimer(1000, every, new TimerConfig("expiry-reminders", false));
    }

    @Timeout
    void onTimer(Timer timer) {
        run();
    }

    private void run() {
        try {
            int written = reminders.remind(clock.instant());
            if (written > 0) {
                LOG.info(() -> written + " expiry reminders written to the outbox");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiry reminders failed; the next run tries again", e);
        }
    }
}
