package uk.nhs.pharmacy.portal.onboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.platform.Background;
import uk.nhs.pharmacy.portal.platform.HeldJobs;
import uk.nhs.pharmacy.portal.platform.PeriodicWork;
import uk.nhs.pharmacy.portal.security.Actor;

import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Stores an accepted upload's rows on a background thread, batch by batch ({@link RegistrationBatch}).
 * Uploads left running by a stop, or by a member that died, are taken over from their last committed
 * batch ({@link HeldJobs}).
 */
@ApplicationScoped
public class RegistrationImportRunner implements PeriodicWork {

    private static final Logger LOG = Logger.getLogger(RegistrationImportRunner.class.getName());

    @Inject
    Background background;

    @Inject
    HeldJobs held;

    @Inject
    RegistrationBatch batches;


    void startAfterCommit(long uploadId) {
        background.submitAfterCommit(Background.Lane.LONG, () -> run(uploadId));
    }

    /** Uploads left running by a member that stopped or died, taken over here once their hold has run out. */
    public int resumeInterrupted() {
        int taken = 0;
        for (Long id : batches.running()) {
            if (!held.runningHere(key(id))) {
                background.submit(Background.Lane.LONG, () -> run(id));
                taken++;
            }
        }
        return taken;
    }

    @Override
    public String name() {
        return "registration-upload-takeover";
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

    /** Stores an upload's rows batch by batch on the member that holds it. Safe to call again. */
    public void run(long uploadId) {
        held.run(key(uploadId), hold -> runHeld(uploadId, hold));
    }

    private void runHeld(long uploadId, HeldJobs.Hold hold) {
        RegistrationUpload upload = batches.load(uploadId);
        if (upload == null || upload.getState() == RegistrationUpload.State.FINISHED) {
            return;
        }
        Actor actor = batches.actorFor(upload.getUploadedBy());
        if (actor == null) {
            LOG.warning("Upload " + uploadId + " was made by " + upload.getUploadedBy() + ", who can no longer sign in; left unfinished");
            return;
        }
        List<RegistrationFile.Line> lines = RegistrationService.repeatsWithinFile(RegistrationFile.parse(batches.content(uploadId)));
        while (hold.keep() && batches.next(uploadId, actor, lines)) {
            // one batch per transaction
        }
    }

    private static String key(long uploadId) {
        return "registration-upload-" + uploadId;
    }
}
