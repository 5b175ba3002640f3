package uk.nhs.pharmacy.portal.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.platform.PeriodicWork;

import java.time.Duration;

/**
 * Runs the dispatcher a moment after start-up (anything left pending, e.g. while the platform was
 * down) and every {@code platform.dispatch.seconds} (default 2), for retries after a backoff. Every
 * member asks; the dispatcher itself runs on one member at a time ({@link ProvisioningDispatcher}).
 */
@ApplicationScoped
public class DispatchSchedule implements PeriodicWork {

    @Inject
    DispatchTrigger trigger;

    @Inject
    @ConfigProperty(name = "platform.dispatch.seconds", defaultValue = "2")
    int everySeconds;

    @Override
    public String name() {
        return "provisioning-dispatch";
    }

    @Override
    public Duration every() {
        return Duration.ofSeconds(Math.max(1, everySeconds));
    }

    @Override
    public boolean oncePerCluster() {
        return false;
    }

    @Override
    public void run() {
        trigger.kick();
    }
}
