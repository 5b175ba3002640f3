package uk.nhs.pharmacy.portal.leaver;

import uk.nhs.pharmacy.portal.audit.AuditAction;
import uk.nhs.pharmacy.portal.audit.AuditEntry;
import uk.nhs.pharmacy.portal.audit.AuditTarget;
import uk.nhs.pharmacy.portal.audit.AuditTargetType;
import uk.nhs.pharmacy.portal.audit.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import uk.nhs.pharmacy.portal.platform.Reason;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.platform.FileDigest;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Action;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bulk leaver files: every line checked by the same rules as a single case (a preview writes
 * nothing), then the file accepted as a job whose good lines a background job runs. The same file
 * accepted twice by the same person gives back the first job: nothing is done twice.
 */
@ApplicationScoped
public class BulkLeaverService {

    @PersistenceContext
    EntityManager em;

    @Inject
    LeaverService leavers;

    @Inject
    BulkLeaverRunner runner;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    uk.nhs.pharmacy.portal.security.Authorizer authorizer;

    /** Each line with its problem, or null when it would open a case. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BulkLeaverFile.Line> preview(@NotNull Actor actor, byte[] content, String reason) {
        List<BulkLeaverFile.Line> lines = BulkLeaverFile.parse(content);
        List<BulkLeaverFile.Line> checked = new ArrayList<>(lines.size());
        Map<String, Integer> seen = new HashMap<>();
        for (BulkLeaverFile.Line line : lines) {
            if (!line.ok()) {
                checked.add(line);
                continue;
            }
            String key = line.account().value() + "|" + line.kind() + "|" + (line.left() == null ? "" : line.left().value());
            Integer first = seen.putIfAbsent(key, line.lineNo());
            if (first != null) {
                checked.add(line.withProblem("the same leaver as line " + first));
                continue;
            }
            try {
                leavers.prepare(actor, request(line, reason == null || reason.isBlank() ? "Bulk leaver file" : reason));
                checked.add(line);
            } catch (NotFound e) {
                checked.add(line.withProblem((line.left() == null ? line.account().value() : line.left().value())
                        + " is not in your scope"));
            } catch (RuleViolation | SecurityException e) {
                checked.add(line.withProblem(e.getMessage()));
            }
        }
        return checked;
    }

    static LeaverService.LeaverRequest request(BulkLeaverFile.Line line, String reason) {
        return new LeaverService.LeaverRequest(line.account(), line.kind(), line.left(),
                UkTime.startOf(line.effectiveDate()), reason);
    }

    /**
     * Stores the file's lines (the bad ones as rejected, with their reasons) and starts the job
     * after commit. The same file from the same person returns the job it already made.
     */
    @Transactional
    public BulkLeaverJob accept(@NotNull Actor actor, String fileName, byte[] content, @Reason String reason) {
        String sha = FileDigest.sha256(content);
        Optional<BulkLeaverJob> already = em.createQuery("select j from BulkLeaverJob j where j.fileSha256 = :sha "
                        + "and j.createdBy = :by order by j.id", BulkLeaverJob.class)
                .setParameter("sha", sha).setParameter("by", actor.username()).setMaxResults(1)
                .getResultStream().findFirst();
        if (already.isPresent()) {
            return already.get();
        }
        List<BulkLeaverFile.Line> lines = preview(actor, content, reason);
        if (lines.isEmpty()) {
            throw RuleViolation.because("refusal.leaver.theFileHasNo", BulkLeaverFile.HEADER);
        }
        BulkLeaverJob job = new BulkLeaverJob(fileName, sha, lines.size(), reason.strip(), actor.username(), clock.instant());
        em.persist(job);
        for (BulkLeaverFile.Line line : lines) {
            em.persist(new BulkLeaverRow(job, line));
        }
        long good = lines.stream().filter(BulkLeaverFile.Line::ok).count();
        audit.record(AuditEntry.by(actor, AuditAction.BULK_LEAVERS_ACCEPTED,
                new AuditTarget(AuditTargetType.BULK_LEAVER_JOB, job.getId(), job.getFileName()), null,
                Change.to(good + " of " + lines.size() + " lines to run"), reason));
        runner.startAfterCommit(job.getId());
        return job;
    }

    /** A job, if the reader made it or is a national administrator. */
    public Optional<BulkLeaverJob> job(@NotNull Actor actor, long id) {
        BulkLeaverJob job = em.find(BulkLeaverJob.class, id);
        if (job == null || !(job.getCreatedBy().equals(actor.username()) || authorizer.may(actor, Action.ADMINISTER_NATIONAL))) {
            return Optional.empty();
        }
        return Optional.of(job);
    }

    /** A job's lines counted now: finished (done or failed), failed, and all lines to run (the file's good lines). */
    public record Progress(long finished, long failed, long toRun) {
        /** Percent finished, 0 to 100; nothing to run yet is 0 % (the lines are still being written), never 100 %. */
        public int percent() {
            return toRun == 0 ? 0 : (int) (100 * finished / toRun);
        }

        public long done() {
            return finished - failed;
        }
    }

    public Progress progress(long jobId) {
        Object[] row = em.createQuery("select sum(case when r.state = :done or r.state = :failed then 1 else 0 end), "
                        + "sum(case when r.state = :failed then 1 else 0 end), "
                        + "sum(case when r.state = :rejected then 0 else 1 end) from BulkLeaverRow r where r.job.id = :job",
                        Object[].class)
                .setParameter("done", BulkLeaverRow.State.DONE).setParameter("failed", BulkLeaverRow.State.FAILED)
                .setParameter("rejected", BulkLeaverRow.State.REJECTED).setParameter("job", jobId)
                .getSingleResult();
        return new Progress(count(row[0]), count(row[1]), count(row[2]));
    }

    private static long count(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    /** The job's lines in file order, one page at a time, for the report. */
    public List<BulkLeaverRow> rows(long jobId, int first, int max) {
        return em.createQuery("select r from BulkLeaverRow r where r.job.id = :job order by r.lineNo", BulkLeaverRow.class)
                .setParameter("job", jobId).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** The reader's latest jobs. */
    public List<BulkLeaverJob> recentJobs(@NotNull Actor actor, int max) {
        return em.createQuery("select j from BulkLeaverJob j where j.createdBy = :by order by j.id desc", BulkLeaverJob.class)
                .setParameter("by", actor.username()).setMaxResults(max).getResultList();
    }
}
