package uk.nhs.pharmacy.portal.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one scheduler: every {@link PeriodicWork} bean runs on the platform's managed scheduled
 * executor, from when the database is ready (and the demo data loaded) until the portal stops. A
 * run of work that happens once per cluster first claims its period on the database; a run that
 * fails is logged and the next period tries again.
 */
@ApplicationScoped
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    @Any
    Instance<PeriodicWork> work;

    @Inject
    ClusterLease lease;

    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

    void start(@Observes @Priority(DatabaseReady.SCHEDULE) DatabaseReady ready) {
        for (PeriodicWork each : work) {
            long every = Math.max(1000, each.every().toMillis());
            scheduled.add(executor.scheduleAtFixedRate(() -> tick(each), each.firstAfter().toMillis(), every,
                    TimeUnit.MILLISECONDS));
            LOG.fine(() -> "Scheduled " + each.name() + " every " + each.every());
        }
    }

    /** One run, if it is this member's turn. Public for tests, which run work on demand. */
    public boolean tick(PeriodicWork each) {
        try {
            if (each.oncePerCluster() && !lease.claimPeriod(each.name(), each.every())) {
                return false;
            }
            each.run();
            return true;
        } catch (ClusterLease.LeaseRaced raced) {
            return false;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, each.name() + " failed; the next period tries again", e);
            return false;
        }
    }

    @PreDestroy
    void stop() {
        scheduled.forEach(f -> f.cancel(false));
    }
}
