package uk.nhs.pharmacy.portal.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.platform.ClusterLease;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Consumes the provisioning outbox: events are applied in the order they were written, per
 * mailbox; a failure holds back that mailbox's later events until it succeeds (retried with a
 * doubling backoff), and after {@link ProvisioningStore#MAX_ATTEMPTS} it is dead-lettered (FAILED)
 * for an LOA to see and retry. Each event sets the platform to a state, so applying it twice is
 * harmless. With no platform configured, events are marked NO_TARGET.
 */
@ApplicationScoped
public class ProvisioningDispatcher {

    private static final Logger LOG = Logger.getLogger(ProvisioningDispatcher.class.getName());
    private static final int BATCH = 500;
    private static final String DISPATCHING = "provisioning-dispatcher";
    private static final Duration HOLD = Duration.ofSeconds(60);

    @Inject
    ClusterLease lease;

    @Inject
    ProvisioningStore store;

    @Inject
    MailPlatform platform;

    @Inject
    PlatformSettings settings;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "platform.backoff.millis", defaultValue = "1000")
    long backoffMillis;

    /**
     * Applies every due event; returns how many were applied (or marked as having no target). One
     * member dispatches at a time, so a mailbox's events reach the platform in order: a member that
     * finds another dispatching leaves its events to that pass or to its own next tick.
     */
    public synchronized int dispatchDue() {
        if (!lease.hold(DISPATCHING, HOLD)) {
            return 0;
        }
        try {
            return dispatchHeld();
        } finally {
            lease.release(DISPATCHING);
        }
    }

    private int dispatchHeld() {
        int done = 0;
        boolean more = true;
        while (more) {
            List<ProvisioningEvent> pending = store.pending(BATCH);
            Set<Long> heldBack = new HashSet<>();
            int before = done;
            if (!settings.isConfigured()) {
                done += store.noTarget(pending.stream().map(ProvisioningEvent::getId).toList());
                more = pending.size() == BATCH && done > before && lease.hold(DISPATCHING, HOLD);
                continue;
            }
            for (ProvisioningEvent e : pending) {
                if (heldBack.contains(e.getMailboxId())) {
                    continue;
                }
                Instant now = clock.instant();
                if (e.getNextAttemptAt() != null && e.getNextAttemptAt().isAfter(now)) {
                    heldBack.add(e.getMailboxId()); // waiting out a backoff: later events of this mailbox wait too
                    continue;
                }
                try {
                    apply(e);
                    store.applied(e.getId(), clock.instant());
                    done++;
                } catch (MailPlatform.PlatformException | RuntimeException failure) {
                    heldBack.add(e.getMailboxId());
                    store.failed(e.getId(), failure.getMessage(), clock.instant(), Duration.ofMillis(backoffMillis));
                    LOG.warning(() -> "Provisioning event " + e.getId() + " (" + e.getKind() + " " + e.getAccountAddress()
                            + " on " + e.getMailboxAddress() + ") failed: " + failure.getMessage());
                }
            }
            more = pending.size() == BATCH && done > before && lease.hold(DISPATCHING, HOLD);
        }
        return done;
    }

    private void apply(ProvisioningEvent e) throws MailPlatform.PlatformException {
        String mailbox = e.getMailboxAddress();
        switch (e.getKind()) {
            case MAILBOX_CREATED -> platform.createMailbox(mailbox);
            case ACCESS_GRANTED, ACCESS_CHANGED -> platform.setRights(mailbox, e.getAccountAddress(), rights(e.getRights()));
            case ACCESS_REVOKED -> {
                platform.removeRights(mailbox, e.getAccountAddress());
                platform.disconnect(e.getAccountAddress()); // an open session would otherwise keep reading
            }
        }
    }

    static Set<String> rights(String text) {
        return text == null || text.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(text.split(",")));
    }
}
