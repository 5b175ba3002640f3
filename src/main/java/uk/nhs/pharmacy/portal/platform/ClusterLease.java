package uk.nhs.pharmacy.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Work that happens once across the members of a cluster, decided on the shared database
 * ({@code cluster_lease}), so that it holds on H2 and MySQL alike and needs nothing but the rows:
 * <ul>
 * <li>{@link #claimPeriod}: of the members whose timers fire within one period of a job, exactly
 * one gets it (one conditional UPDATE). If a member dies, the next period goes to another.</li>
 * <li>{@link #hold}: a job that must not run twice at once is held until a time and renewed as it
 * goes; if its member dies, the hold runs out and another member's {@code hold} succeeds.</li>
 * </ul>
 * Each call is its own short transaction, committed before the work starts.
 */
@ApplicationScoped
public class ClusterLease {

    /** This member, for as long as it runs: a restart is another member, so it does not inherit a hold. */
    public static final String MEMBER = java.lang.management.ManagementFactory.getRuntimeMXBean().getName()
            + "/" + UUID.randomUUID().toString().substring(0, 8);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** True for exactly one caller per period of {@code every} (periods counted from the epoch). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claimPeriod(String job, Duration every) {
        Instant now = clock.instant();
        long period = now.toEpochMilli() / Math.max(1, every.toMillis());
        var claim = em.createNativeQuery("UPDATE cluster_lease SET last_period = ?1, runs = runs + 1, holder = ?2, held_until = ?3"
                        + " WHERE job = ?4 AND last_period < ?1")
                .setParameter(1, period).setParameter(2, MEMBER).setParameter(3, Timestamp.from(now))
                .setParameter(4, job);
        return claim.executeUpdate() == 1 || insertedRow(job) && claim.executeUpdate() == 1;
    }

    /** Takes or renews the hold on a job until {@code now + forHowLong}; false while another member holds it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean hold(String job, Duration forHowLong) {
        Instant now = clock.instant();
        var take = em.createNativeQuery("UPDATE cluster_lease SET holder = ?1, held_until = ?2"
                        + " WHERE job = ?3 AND (holder = ?1 OR holder IS NULL OR held_until < ?4)")
                .setParameter(1, MEMBER).setParameter(2, Timestamp.from(now.plus(forHowLong)))
                .setParameter(3, job).setParameter(4, Timestamp.from(now));
        return take.executeUpdate() == 1 || insertedRow(job) && take.executeUpdate() == 1;
    }

    /** Gives a hold back at once, so that the next member need not wait for it to run out. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String job) {
        em.createNativeQuery("UPDATE cluster_lease SET holder = NULL, held_until = NULL WHERE job = ?1 AND holder = ?2")
                .setParameter(1, job).setParameter(2, MEMBER).executeUpdate();
    }

    /** How many periods of a job have been claimed, by any member (for tests and operators). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long runs(String job) {
        var rows = em.createNativeQuery("SELECT runs FROM cluster_lease WHERE job = ?1").setParameter(1, job).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /**
     * The row a job's claims update, inserted once by whichever member gets there first: true when
     * this call inserted it. Asked only after an UPDATE changed nothing, so that a claim or a hold
     * is one statement once the row exists (the dispatcher takes its hold after every grant).
     */
    private boolean insertedRow(String job) {
        if (!em.createNativeQuery("SELECT job FROM cluster_lease WHERE job = ?1").setParameter(1, job).getResultList().isEmpty()) {
            return false;
        }
        try {
            em.createNativeQuery("INSERT INTO cluster_lease (job, last_period, runs) VALUES (?1, -1, 0)")
                    .setParameter(1, job).executeUpdate();
            return true;
        } catch (PersistenceException raced) {
            throw new LeaseRaced(job);
        }
    }

    /** Two members created a job's row at the same moment; the loser tries at its next tick. */
    public static class LeaseRaced extends RuntimeException {
        LeaseRaced(String job) {
            super("Another member created the lease row of " + job + " at the same moment", null, false, false);
        }
    }
}
