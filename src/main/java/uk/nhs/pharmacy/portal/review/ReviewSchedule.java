package uk.nhs.pharmacy.portal.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.platform.PeriodicWork;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/** Runs {@link ReviewRun} every {@code portal.reviews.minutes} (default 15), once per period across the cluster. */
@ApplicationScoped
public class ReviewSchedule implements PeriodicWork {

    private static final Logger LOG = Logger.getLogger(ReviewSchedule.class.getName());

    @Inject
    ReviewRun run;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portal.reviews.minutes", defaultValue = "15")
    int everyMinutes;

    @Override
    public String name() {
        return "access-reviews";
    }

    @Override
    public Duration every() {
        return Duration.ofMinutes(Math.max(1, everyMinutes));
    }

    @Override
    public void run() {
        ReviewRun.Outcome outcome = run.runDue(clock.instant());
        if (outcome.started() + outcome.reminded() + outcome.closed() > 0) {
            LOG.info(() -> "Access reviews: " + outcome);
        }
    }
}
