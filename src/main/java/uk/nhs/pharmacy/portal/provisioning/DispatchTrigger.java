package uk.nhs.pharmacy.portal.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.platform.Background;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the dispatcher as soon as a change commits (so a grant reaches the platform in
 * milliseconds, not at the next timer tick), coalescing bursts into one run at a time.
 */
@ApplicationScoped
public class DispatchTrigger {

    private static final Logger LOG = Logger.getLogger(DispatchTrigger.class.getName());

    @Inject
    Background background;

    @Inject
    ProvisioningDispatcher dispatcher;

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
            while (requested.getAndSet(false)) {
                dispatcher.dispatchDue();
            }
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
