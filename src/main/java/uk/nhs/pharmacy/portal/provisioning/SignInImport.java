package uk.nhs.pharmacy.portal.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.platform.PeriodicWork;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies when each person last signed in from the mail platform (where its adapter can tell) into
 * {@code mail_sign_in}, every {@code portal.signIns.seconds} (default 900), once per cluster, so the
 * access reviews' worklist reads it with the rest of a premises' lines. A failure is logged and the
 * next run tries again; the copy only moves forward.
 */
@ApplicationScoped
public class SignInImport implements PeriodicWork {

    private static final Logger LOG = Logger.getLogger(SignInImport.class.getName());

    @Inject
    MailPlatform platform;

    @Inject
    SignInStore store;

    @Inject
    @ConfigProperty(name = "portal.signIns.seconds", defaultValue = "900")
    int everySeconds;

    @Override
    public String name() {
        return "mail-sign-ins";
    }

    @Override
    public Duration every() {
        return Duration.ofSeconds(Math.max(1, everySeconds));
    }

    @Override
    public void run() {
        Map<String, Instant> signIns;
        try {
            signIns = platform.lastSignIns();
        } catch (MailPlatform.PlatformException e) {
            LOG.log(Level.WARNING, "Could not read sign-ins from " + platform.name() + ": " + e.getMessage());
            return;
        }
        if (!signIns.isEmpty()) {
            store.record(signIns);
        }
    }
}
