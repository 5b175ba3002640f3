package uk.nhs.pharmacy.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The one clock every expiry, review point and future-dated case reads. {@code portal.clock.offset}
 * (an ISO-8601 duration such as {@code P2D}) moves it, so a test can restart the portal "two days
 * later" and see what came due; it is never set in production.
 */
@ApplicationScoped
public class ClockProducer {

    @Inject
    @ConfigProperty(name = "portal.clock.offset", defaultValue = "PT0S")
    String offset;

    @Produces
    @ApplicationScoped
    Clock clock() {
        Duration shift = Duration.parse(offset);
        if (shift.isZero()) {
            return Clock.systemUTC();
        }
        Logger.getLogger(ClockProducer.class.getName()).warning("The portal's clock runs " + shift + " from real time");
        return Clock.offset(Clock.systemUTC(), shift);
    }
}
