package uk.nhs.pharmacy.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A long job (a bulk leaver file, a registration upload) runs on one member at a time, under a
 * hold on its {@code cluster_lease} row that it renews as it goes. If the member dies, the hold
 * runs out ({@code portal.jobs.holdSeconds}, default 30) and the next member whose takeover check
 * comes round finishes the job from its last committed step: each step commits with its "done"
 * mark, so no step runs twice. Both file pipelines use this one rule.
 */
@ApplicationScoped
public class HeldJobs {

    @Inject
    ClusterLease lease;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portal.jobs.holdSeconds", defaultValue = "30")
    int holdSeconds;

    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();

    /**
     * Runs the work while this member holds the job; false, doing nothing, if it runs here already
     * or another member holds it. The hold is given back when the work ends normally; after a
     * failure it runs out, and the job is tried again then.
     */
    public boolean run(String job, Consumer<Hold> work) {
        if (!runningHere.add(job)) {
            return false;
        }
        try {
            Duration hold = Duration.ofSeconds(Math.max(2, holdSeconds));
            if (!lease.hold(job, hold)) {
                return false;
            }
            work.accept(new Hold(job, hold));
            lease.release(job);
            return true;
        } finally {
            runningHere.remove(job);
        }
    }

    public boolean runningHere(String job) {
        return runningHere.contains(job);
    }

    /** How often a member looks for jobs whose member has gone. */
    public Duration takeoverEvery() {
        return Duration.ofSeconds(Math.max(1, holdSeconds / 3));
    }

    /** A job's hold, renewed by the work between its steps. */
    public final class Hold {
        private final String job;
        private final Duration length;
        private Instant renewed;

        private Hold(String job, Duration length) {
            this.job = job;
            this.length = length;
            this.renewed = clock.instant();
        }

        /** Renews the hold once a third of it has passed; false if another member has taken the job over. */
        public boolean keep() {
            Instant now = clock.instant();
            if (Duration.between(renewed, now).compareTo(length.dividedBy(3)) < 0) {
                return true;
            }
            renewed = now;
            return lease.hold(job, length);
        }
    }
}
