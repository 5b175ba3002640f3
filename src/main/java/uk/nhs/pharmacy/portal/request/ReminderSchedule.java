package uk.nhs.pharmacy.portal.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.platform.PeriodicWork;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/** Writes expiry reminders just after start-up and every {@code portal.reminders.minutes} (default 60), once per cluster. */
@ApplicationScoped
public class ReminderSchedule implements PeriodicWork {

    private static final Logger LOG = Logger.getLogger(ReminderSchedule.class.getName());

    @Inject
    ExpiryReminders reminders;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portal.reminders.minutes", defaultValue = "60")
    int everyMinutes;

    @Override
    public String name() {
        return "expiry-reminders";
    }

    @Override
    public Duration every() {
        return Duration.ofMinutes(Math.max(1, everyMinutes));
    }

    @Override
    public void run() {
        int written = reminders.remind(clock.instant());
        if (written > 0) {
            LOG.info(() -> written + " expiry reminders written to the outbox");
        }
    }
}
