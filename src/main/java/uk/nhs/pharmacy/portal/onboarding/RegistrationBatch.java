package uk.nhs.pharmacy.portal.onboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Actors;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch of an upload's rows, in a transaction of its own: the stored requests, the refused
 * rows and the upload's progress commit together, so a restart resumes after the last whole batch.
 */
@ApplicationScoped
public class RegistrationBatch {

    static final int SIZE = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    RegistrationService service;

    @Inject
    RegistrationChecks checks;

    @Inject
    Actors actors;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RegistrationUpload load(long uploadId) {
        return em.find(RegistrationUpload.class, uploadId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public byte[] content(long uploadId) {
        return em.find(RegistrationUpload.class, uploadId).getContent();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> running() {
        return em.createQuery("select u.id from RegistrationUpload u where u.state = :running", Long.class)
                .setParameter("running", RegistrationUpload.State.RUNNING).getResultList();
    }

    public Actor actorFor(String username) {
        return actors.forUsername(username).orElse(null);
    }

    /**
     * Stores the next batch of {@code lines}: the whole file, already checked for repeats within
     * it ({@link RegistrationService#repeatsWithinFile}). Returns false when nothing was left to do.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean next(long uploadId, Actor actor, List<RegistrationFile.Line> lines) {
        RegistrationUpload upload = em.find(RegistrationUpload.class, uploadId, LockModeType.PESSIMISTIC_WRITE);
        int from = upload.getProcessedRows();
        if (upload.getState() == RegistrationUpload.State.FINISHED) {
            return false;
        }
        if (from >= lines.size()) {
            upload.finish(clock.instant());
            return false;
        }
        List<RegistrationFile.Line> slice = lines.subList(from, Math.min(lines.size(), from + SIZE));
        Map<OdsCode, RegistrationChecks.Known> known = checks.check(actor, RegistrationService.okCodes(slice));
        List<RegistrationFile.Line> batch = RegistrationService.againstDatabase(slice, known);
        Map<String, Long> areaMemo = new HashMap<>();
        int accepted = 0;
        int rejected = 0;
        for (RegistrationFile.Line line : batch) {
            if (line.ok()) {
                RegistrationRequest request = new RegistrationRequest(line.details(), upload.getUploadedBy(),
                        upload.getUploadedAt(), RegistrationService.ownContractor(actor)).fromUpload(uploadId, line.rowNo());
                service.place(request, known.get(line.details().odsCode()), areaMemo);
                em.persist(request);
                accepted++;
            } else {
                em.createNativeQuery("INSERT INTO registration_rejection (upload_id, row_no, ods_code, reason) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, uploadId).setParameter(2, line.rowNo())
                        .setParameter(3, truncate(line.odsText(), 40)).setParameter(4, truncate(line.problem(), 500))
                        .executeUpdate();
                rejected++;
            }
        }
        upload.processed(batch.size(), accepted, rejected);
        if (upload.getProcessedRows() >= lines.size()) {
            upload.finish(clock.instant());
        }
        return true;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
