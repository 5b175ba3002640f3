package uk.nhs.pharmacy.portal.onboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.platform.HeldJobs;
import uk.nhs.pharmacy.portal.platform.HeldJobRunner;
import uk.nhs.pharmacy.portal.security.Actor;

import java.util.List;
import java.util.logging.Logger;

/**
 * Stores an accepted upload's rows on a background thread, batch by batch ({@link RegistrationBatch}).
 * Uploads left running by a stop, or by a member that died, are taken over from their last committed
 * batch ({@link HeldJobs}).
 */
@ApplicationScoped
public class RegistrationImportRunner extends HeldJobRunner {

    private static final Logger LOG = Logger.getLogger(RegistrationImportRunner.class.getName());

    @Inject
    RegistrationBatch batches;

    @Override
    protected String kind() {
        return "registration-upload";
    }

    @Override
    protected List<Long> runningJobs() {
        return batches.running();
    }

    @Override
    protected void runHeld(long uploadId, HeldJobs.Hold hold) {
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
}
