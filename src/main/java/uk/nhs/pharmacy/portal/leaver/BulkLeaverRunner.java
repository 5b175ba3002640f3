package uk.nhs.pharmacy.portal.leaver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.platform.Background;
import uk.nhs.pharmacy.portal.platform.HeldJobs;
import uk.nhs.pharmacy.portal.platform.PeriodicWork;
import uk.nhs.pharmacy.portal.security.Actor;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Works through a bulk leaver job on a managed background thread, one line per transaction:
 * a line's case and its "done" mark commit together, so a job interrupted by a restart resumes
 * from the first line still pending and repeats nothing. Refused lines are marked failed with why.
 * A job runs on one member at a time ({@link HeldJobs}); if that member dies, another finishes it.
 */
@ApplicationScoped
public class BulkLeaverRunner implements PeriodicWork {

    private static final Logger LOG = Logger.getLogger(BulkLeaverRunner.class.getName());
    private static final int BATCH = 100;

    @Inject
    Background background;

    @Inject
    HeldJobs held;


    @Inject
    BulkLeaverLine lines;

    @Inject
    Clock clock;

    /** Starts the job once the transaction that stored it has committed. */
    void startAfterCommit(long jobId) {
        background.submitAfterCommit(Background.Lane.LONG, () -> run(jobId));
    }

    /**
     * Jobs left running by a member that stopped or died (or by this one, before a restart), taken
     * over here once their hold has run out; every member looks every {@link HeldJobs#takeoverEvery}.
     */
    public int resumeInterrupted() {
        int taken = 0;
        for (Long id : lines.runningJobs()) {
            if (!held.runningHere(key(id))) {
                background.submit(Background.Lane.LONG, () -> run(id));
                taken++;
            }
        }
        return taken;
    }

    @Override
    public String name() {
        return "bulk-leaver-takeover";
    }

    @Override
    public Duration every() {
        return held.takeoverEvery();
    }

    @Override
    public boolean oncePerCluster() {
        return false;
    }

    @Override
    public void run() {
        resumeInterrupted();
    }

    /** Runs every pending line of a job, then marks it finished, on the member that holds it. Safe to call again. */
    public void run(long jobId) {
        held.run(key(jobId), hold -> runHeld(jobId, hold));
    }

    /** A failure propagates: the hold is then not given back, and the job is taken up again when it runs out. */
    private void runHeld(long jobId, HeldJobs.Hold hold) {
        BulkLeaverJob job = lines.job(jobId);
        if (job == null || job.getState() == BulkLeaverJob.State.FINISHED) {
            return;
        }
        Actor actor = lines.actorFor(job.getCreatedBy());
        while (true) {
            List<Long> pending = lines.pending(jobId, BATCH);
            if (pending.isEmpty()) {
                break;
            }
            for (Long rowId : pending) {
                if (!hold.keep()) {
                    LOG.warning(() -> "Bulk leaver job " + jobId + " was taken over by another member; stopping here");
                    return;
                }
                lines.runOne(actor, rowId, job.getReason());
            }
        }
        lines.finish(jobId, clock.instant());
    }

    private static String key(long jobId) {
        return "bulk-leaver-job-" + jobId;
    }
}
