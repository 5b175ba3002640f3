package uk.nhs.pharmacy.portal.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.platform.Background;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the dispatcher as soon as a change commits (so a grant reaches the platform in
 * milliseconds, not at the next timer tick), coalescing bursts into one run at a time. Each run
 * first waits {@code platform.dispatch.gatherMillis} so that the commits of those milliseconds share
 * it: a run costs four transactions (take the lease, read, mark, release) whether it carries one
 * change or twenty, and one run per change made as many database round trips again as the changes
 * themselves (docs/benchmarks.md).
 */
@ApplicationScoped
public class DispatchTrigger {

    private static final Logger LOG = Logger.getLogger(DispatchTrigger.class.getName());

    @Inject
    Background background;

    @Inject
    ProvisioningDispatcher dispatcher;

    @Inject
    @ConfigProperty(name = "platform.dispatch.gatherMillis", defaultValue = "20")
    long gatherMillis;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProvisioningRecorded recorded) {
        kick();
    }

    /** Asks for a run; if one is running it runs again when it ends. */
    public void kick() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            background.submit(Background.Lane.QUICK, this::runWhileRequested);
        }
    }

    private void runWhileRequested() {
        try {
            while (requested.get()) {
                Thread.sleep(gatherMillis);
                requested.set(false);
                dispatcher.dispatchDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the timer's next start catches up
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Provisioning dispatch failed; the timer tries again", e);
        } finally {
            running.set(false);
            if (requested.get() && running.compareAndSet(false, true)) {
                background.submit(Background.Lane.QUICK, this::runWhileRequested);
            }
        }
    }
}
