package uk.nhs.pharmacy.portal.onboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.platform.Background;
import uk.nhs.pharmacy.portal.security.Actor;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores an accepted upload's rows on a background thread, batch by batch ({@link RegistrationBatch}).
 * Uploads left running by a stop are resumed at start-up from their last committed batch.
 */
@ApplicationScoped
public class RegistrationImportRunner {

    private static final Logger LOG = Logger.getLogger(RegistrationImportRunner.class.getName());

    @Inject
    Background background;

    @Inject
    RegistrationBatch batches;


    void startAfterCommit(long uploadId) {
        background.submitAfterCommit(Background.Lane.LONG, () -> run(uploadId));
    }

    public int resumeInterrupted() {
        List<Long> running = batches.running();
        running.forEach(id -> background.submit(Background.Lane.LONG, () -> run(id)));
        return running.size();
    }

    public void run(long uploadId) {
        try {
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
            while (batches.next(uploadId, actor, lines)) {
                // one batch per transaction
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Registration upload " + uploadId + " stopped; it resumes at the next start-up", e);
        }
    }
}
