package uk.nhs.pharmacy.portal.leaver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.platform.Background;
import uk.nhs.pharmacy.portal.security.Actor;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works through a bulk leaver job on a managed background thread, one line per transaction:
 * a line's case and its "done" mark commit together, so a job interrupted by a restart resumes
 * from the first line still pending and repeats nothing. Refused lines are marked failed with why.
 */
@ApplicationScoped
public class BulkLeaverRunner {

    private static final Logger LOG = Logger.getLogger(BulkLeaverRunner.class.getName());
    private static final int BATCH = 100;

    @Inject
    Background background;


    @Inject
    BulkLeaverLine lines;

    @Inject
    Clock clock;

    /** Starts the job once the transaction that stored it has committed. */
    void startAfterCommit(long jobId) {
        background.submitAfterCommit(Background.Lane.LONG, () -> run(jobId));
    }

    /** Jobs left running when the server stopped; {@link Schedule} calls this at start-up. */
    public int resumeInterrupted() {
        List<Long> running = lines.runningJobs();
        running.forEach(id -> background.submit(Background.Lane.LONG, () -> run(id)));
        return running.size();
    }

    /** Runs every pending line of a job, then marks it finished. Safe to call again for the same job. */
    public void run(long jobId) {
        try {
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
                    lines.runOne(actor, rowId, job.getReason());
                }
            }
            lines.finish(jobId, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Bulk leaver job " + jobId + " stopped; it resumes at the next start-up", e);
        }
    }
}
