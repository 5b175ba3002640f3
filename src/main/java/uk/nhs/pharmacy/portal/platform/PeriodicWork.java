package uk.nhs.pharmacy.portal.platform;

import java.time.Duration;

/**
 * Something the portal does every so often (the expiry sweep, reminders, sealing the audit trail).
 * {@link Scheduler} runs every bean of this type: by default once per period across the cluster,
 * whichever member's turn comes first ({@link ClusterLease#claimPeriod}).
 */
public interface PeriodicWork {

    /** The job's name, unique across the portal: its row in {@code cluster_lease}. */
    String name();

    Duration every();

    /** How long after start-up the first run comes. */
    default Duration firstAfter() {
        return Duration.ofSeconds(1);
    }

    /**
     * False for work that must run on every member (work that claims its own rows, or takes over
     * what a dead member held): each member then runs it at each period.
     */
    default boolean oncePerCluster() {
        return true;
    }

    void run();
}
