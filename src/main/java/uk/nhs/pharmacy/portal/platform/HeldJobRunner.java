package uk.nhs.pharmacy.portal.platform;

import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;

/**
 * A file pipeline's runner (bulk leaver files, registration uploads): starts a job after the
 * transaction that stored it commits, runs it on one member at a time ({@link HeldJobs}), and on
 * every member looks for jobs left running by a member that stopped or died, taking them over once
 * their hold has run out.
 */
public abstract class HeldJobRunner implements PeriodicWork {

    @Inject
    protected Background background;

    @Inject
    protected HeldJobs held;

    /** Names the jobs' holds ("bulk-leaver-job" gives "bulk-leaver-job-42"). */
    protected abstract String kind();

    /** The jobs the database says are still running, on any member. */
    protected abstract List<Long> runningJobs();

    /**
     * Runs what is left of a job, renewing the hold between steps ({@link HeldJobs.Hold#keep}). A failure
     * propagates: the hold is then not given back, and the job is taken up again when it runs out.
     */
    protected abstract void runHeld(long id, HeldJobs.Hold hold);

    /** Starts the job once the transaction that stored it has committed. */
    public void startAfterCommit(long id) {
        background.submitAfterCommit(Background.Lane.LONG, () -> run(id));
    }

    /** Runs a job on the member that holds it; nothing if it runs here already or elsewhere. Safe to call again. */
    public void run(long id) {
        held.run(kind() + "-" + id, hold -> runHeld(id, hold));
    }

    /** Jobs left running by a member that stopped or died (or by this one, before a restart), handed to the background lane. */
    public int resumeInterrupted() {
        int taken = 0;
        for (Long id : runningJobs()) {
            if (!held.runningHere(kind() + "-" + id)) {
                background.submit(Background.Lane.LONG, () -> run(id));
                taken++;
            }
        }
        return taken;
    }

    @Override
    public String name() {
        return kind() + "-takeover";
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
}
