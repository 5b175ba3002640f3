package uk.nhs.pharmacy.portal.leaver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.security.Actor;

import java.time.Instant;

/** One line of a bulk leaver job, in its own transaction: the case and the line's mark commit together. */
@ApplicationScoped
public class BulkLeaverLine {

    @PersistenceContext
    EntityManager em;

    @Inject
    LeaverService leavers;

    @Inject
    BulkLeaverLine self;

    @Inject
    uk.nhs.pharmacy.portal.security.Actors actors;

    @Inject
    uk.nhs.pharmacy.portal.security.Authorizer authorizer;

    /** Runs the line; if the leaver service refuses it, marks it failed in a fresh transaction. */
    public void runOne(Actor actor, long rowId, String reason) {
        try {
            self.open(actor, rowId, reason);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && (cause instanceof jakarta.transaction.TransactionalException
                    || cause instanceof jakarta.ejb.EJBException || cause.getMessage() == null)) {
                cause = cause.getCause();
            }
            java.util.logging.Logger.getLogger(BulkLeaverLine.class.getName()).log(java.util.logging.Level.INFO,
                    "Bulk leaver line " + rowId + " refused", e);
            self.fail(rowId, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(Actor actor, long rowId, String reason) {
        BulkLeaverRow row = em.find(BulkLeaverRow.class, rowId);
        if (row == null || row.getState() != BulkLeaverRow.State.PENDING) {
            return; // done before a restart: nothing is repeated
        }
        authorizer.signedIn(actor, row.getJob().getCreatedBy());
        LeaverKind kind = LeaverKind.parse(row.getKind()).orElseThrow();
        LeaverCase opened = leavers.open(actor, new LeaverService.LeaverRequest(MailAddress.of(row.getAccountAddress()), kind,
                kind.needsScopeOrganisation() ? OdsCode.of(row.getScopeOds()) : null,
                UkTime.startOf(row.getEffectiveDate()), reason));
        em.flush(); // the case row first: the line refers to it, and no mapping tells the ORM so
        row.done(opened.getId(), "Case " + opened.getId() + ": " + opened.getState());
    }

    /** The person who accepted the file, as they are now (null if they can no longer sign in). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Actor actorFor(String username) {
        return actors.forUsername(username).orElse(null);
    }

    /**
     * Reads for the runner, each in a transaction of its own: on a managed executor's thread, an
     * entity manager used outside a transaction is closed by the next transactional call.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public BulkLeaverJob job(long jobId) {
        return em.find(BulkLeaverJob.class, jobId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public java.util.List<Long> pending(long jobId, int max) {
        return em.createQuery("select r.id from BulkLeaverRow r where r.job.id = :job and r.state = :pending "
                        + "order by r.lineNo", Long.class)
                .setParameter("job", jobId).setParameter("pending", BulkLeaverRow.State.PENDING)
                .setMaxResults(max).getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public java.util.List<Long> runningJobs() {
        return em.createQuery("select j.id from BulkLeaverJob j where j.state = :running", Long.class)
                .setParameter("running", BulkLeaverJob.State.RUNNING).getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(long rowId, String why) {
        BulkLeaverRow row = em.find(BulkLeaverRow.class, rowId);
        if (row != null && row.getState() == BulkLeaverRow.State.PENDING) {
            row.failed(why);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(long jobId, Instant at) {
        BulkLeaverJob job = em.find(BulkLeaverJob.class, jobId);
        long done = count(jobId, BulkLeaverRow.State.DONE);
        long failed = count(jobId, BulkLeaverRow.State.FAILED) + count(jobId, BulkLeaverRow.State.REJECTED);
        job.finish((int) done, (int) failed, at);
    }

    private long count(long jobId, BulkLeaverRow.State state) {
        return em.createQuery("select count(r) from BulkLeaverRow r where r.job.id = :job and r.state = :state", Long.class)
                .setParameter("job", jobId).setParameter("state", state).getSingleResult();
    }
}
