package uk.nhs.pharmacy.portal.leaver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.platform.HeldJobs;
import uk.nhs.pharmacy.portal.platform.HeldJobRunner;
import uk.nhs.pharmacy.portal.security.Actor;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Works through a bulk leaver job on a managed background thread, one line per transaction:
 * a line's case and its "done" mark commit together, so a job interrupted by a restart resumes
 * from the first line still pending and repeats nothing. Refused lines are marked failed with why.
 * A job runs on one member at a time ({@link HeldJobs}); if that member dies, another finishes it.
 */
@ApplicationScoped
public class BulkLeaverRunner extends HeldJobRunner {

    private static final Logger LOG = Logger.getLogger(BulkLeaverRunner.class.getName());
    private static final int BATCH = 100;

    @Inject
    BulkLeaverLine lines;

    @Inject
    Clock clock;

    @Override
    protected String kind() {
        return "bulk-leaver-job";
    }

    @Override
    protected List<Long> runningJobs() {
        return lines.runningJobs();
    }

    @Override
    protected void runHeld(long jobId, HeldJobs.Hold hold) {
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
}
