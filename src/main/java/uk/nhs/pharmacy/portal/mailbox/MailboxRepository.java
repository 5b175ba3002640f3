package uk.nhs.pharmacy.portal.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MailboxRepository {

    /**
     * EclipseLink's fetch-join hint. A JPQL "join fetch d.mailbox m join fetch m.premises" does not
     * fill the premises (EclipseLink then reads each one on first use, one query per row); the hint
     * with the whole path does.
     */
    static final String JOIN_FETCH = "eclipselink.join-fetch";

    /** An account id no person has: the live counts of a mailbox without asking about anyone. */
    private static final long NO_ACCOUNT = -1;

    @PersistenceContext
    EntityManager em;

    public Optional<SharedMailbox> find(long id) {
        return Optional.ofNullable(em.find(SharedMailbox.class, id));
    }

    /** The delegation with its mailbox, premises and account in one query: every caller uses all three. */
    public Optional<Delegation> findDelegation(long id) {
        return em.createQuery("select d from Delegation d where d.id = :id", Delegation.class)
                .setHint(JOIN_FETCH, "d.mailbox.premises").setHint(JOIN_FETCH, "d.account")
                .setParameter("id", id).getResultStream().findFirst();
    }

    public Optional<SharedMailbox> findOpenForPremises(long premisesId) {
        return em.createQuery("select m from SharedMailbox m where m.premises.id = :premises "
                        + "and m.status <> :closed", SharedMailbox.class)
                .setParameter("premises", premisesId)
                .setParameter("closed", MailboxStatus.CLOSED)
                .getResultStream().findFirst();
    }

    public void add(SharedMailbox mailbox) {
        em.persist(mailbox);
    }

    public void add(Delegation delegation) {
        em.persist(delegation);
    }

    /** Live (unrevoked, unexpired) delegations on one mailbox, the owners first. */
    public List<Delegation> liveDelegations(long mailboxId, Instant now) {
        return em.createQuery("select d from Delegation d join fetch d.account a where d.mailbox.id = :mailbox "
                        + "and " + Delegation.LIVE + " "
                        + "order by d.owner desc, a.lastName, a.firstName", Delegation.class)
                .setParameter("mailbox", mailboxId).setParameter("now", now)
                .getResultList();
    }

    /** Ids of unrevoked delegations whose expiry has passed, oldest first (index ix_delegation_expiry). */
    @jakarta.transaction.Transactional // a scheduler thread has no transaction; its reads get their own
    public List<Long> expiredIds(Instant now, int max) {
        // Both ends of the range, so the expiry index is read from the first real date, not through the
        // nulls of every grant without an end date.
        return em.createQuery("select d.id from Delegation d where d.expiresAt between :epoch and :now "
                        + "and d.revokedAt is null order by d.expiresAt, d.id", Long.class)
                .setParameter("epoch", Instant.EPOCH).setParameter("now", now).setMaxResults(max).getResultList();
    }

    /** Delegations by id, each with its mailbox, premises and account, in one query. */
    public List<Delegation> delegationsWithParties(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select d from Delegation d where d.id in :ids order by d.id", Delegation.class)
                .setHint(JOIN_FETCH, "d.mailbox.premises").setHint(JOIN_FETCH, "d.account")
                .setParameter("ids", ids).getResultList();
    }

    /**
     * Expired access among the ids that is still unrevoked at {@code now}, with its mailbox, premises
     * and person as the audit and the platform need them: one query, no entities to track.
     */
    public List<ExpiredAccess> expiredAccess(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select new uk.nhs.pharmacy.portal.mailbox.ExpiredAccess(d.id, d.expiresAt, d.fullAccess, "
                        + "d.sendAs, d.sendOnBehalf, d.owner, m.id, m.address, p.id, a.address) from Delegation d "
                        + "join d.mailbox m join m.premises p join d.account a "
                        + "where d.id in :ids and d.revokedAt is null and d.expiresAt <= :now order by d.id", ExpiredAccess.class)
                .setParameter("ids", ids).setParameter("now", now).getResultList();
    }

    /** Revokes the unrevoked ones among the ids in one statement; returns how many it revoked. */
    public int revokeAll(List<Long> ids, Instant now, String by, String reason) {
        return em.createQuery("update Delegation d set d.revokedAt = :now, d.revokedBy = :by, d.revokeReason = :reason, "
                        + "d.version = d.version + 1 where d.id in :ids and d.revokedAt is null")
                .setParameter("now", now).setParameter("by", by).setParameter("reason", reason).setParameter("ids", ids)
                .executeUpdate();
    }

    /** Every live delegation of one person, across all premises. */
    public List<Delegation> liveDelegationsOf(long accountId, Instant now) {
        return em.createQuery("select d from Delegation d join d.mailbox m join m.premises p "
                        + "where d.account.id = :account and " + Delegation.LIVE + " "
                        + "order by p.name", Delegation.class)
                .setHint(JOIN_FETCH, "d.mailbox.premises")
                .setParameter("account", accountId).setParameter("now", now)
                .getResultList();
    }

    public boolean hasLiveDelegation(long mailboxId, long accountId, Instant now) {
        return !em.createQuery("select d.id from Delegation d where d.mailbox.id = :mailbox and d.account.id = :account "
                        + "and " + Delegation.LIVE, Long.class)
                .setParameter("mailbox", mailboxId).setParameter("account", accountId).setParameter("now", now)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * What a grant checks, in one round trip: the mailbox's live members and owners, and whether the
     * person is already one of them. Native, so that the CASE is bound rather than sent as literal SQL.
     */
    public LiveMembership liveMembership(long mailboxId, long accountId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.mailbox_owner, COUNT(*), "
                        + "SUM(CASE WHEN d.account_id = ?1 THEN 1 ELSE 0 END) FROM delegation d " + Delegation.BY_MAILBOX_INDEX
                        + "WHERE d.mailbox_id = ?2 AND " + Delegation.liveSql("d", "?3") + " GROUP BY d.mailbox_owner")
                .setParameter(1, accountId).setParameter(2, mailboxId).setParameter(3, java.sql.Timestamp.from(now))
                .getResultList();
        long members = 0;
        long owners = 0;
        boolean hasAccount = false;
        for (Object[] row : rows) {
            long count = ((Number) row[1]).longValue();
            members += count;
            if (Boolean.TRUE.equals(row[0]) || row[0] instanceof Number n && n.intValue() != 0) {
                owners = count;
            }
            hasAccount |= row[2] != null && ((Number) row[2]).longValue() > 0;
        }
        return new LiveMembership(members, owners, hasAccount);
    }

    /**
     * The open mailboxes of some premises, each with its live members, live owners and live access
     * that ends by a given instant: one grouped read of {@link Delegation#BY_MAILBOX_INDEX} alone, where
     * three correlated JPQL counts per mailbox made H2 scan each mailbox's revoked history three times.
     */
    public List<OpenMailboxCounts> openMailboxesOf(List<Long> premisesIds, Instant now, Instant endingBy) {
        if (premisesIds.isEmpty()) {
            return List.of();
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < premisesIds.size(); i++) {
            in.append(i == 0 ? "?" : ", ?").append(i + 4);
        }
        var query = em.createNativeQuery("SELECT m.premises_id, m.address, m.status, COUNT(d.mailbox_id), "
                + "SUM(CASE WHEN d.mailbox_owner = TRUE THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN d.expires_at <= ?2 THEN 1 ELSE 0 END) "
                + "FROM shared_mailbox m LEFT JOIN delegation d " + Delegation.BY_MAILBOX_INDEX
                + "ON d.mailbox_id = m.id AND " + Delegation.liveSql("d", "?1") + " "
                + "WHERE m.status <> ?3 AND m.premises_id IN (" + in + ") "
                + "GROUP BY m.id, m.premises_id, m.address, m.status")
                .setParameter(1, java.sql.Timestamp.from(now))
                .setParameter(2, java.sql.Timestamp.from(endingBy))
                .setParameter(3, MailboxStatus.CLOSED.name());
        for (int i = 0; i < premisesIds.size(); i++) {
            query.setParameter(i + 4, premisesIds.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new OpenMailboxCounts(((Number) r[0]).longValue(), r[1].toString(),
                MailboxStatus.valueOf(r[2].toString()), count(r[3]), count(r[4]), count(r[5]))).toList();
    }

    private static long count(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue(); // SUM over no joined rows is NULL
    }

    /** An open mailbox of a premises and how many reach it: live, live owners, live but ending soon. */
    public record OpenMailboxCounts(long premisesId, String address, MailboxStatus status, long live, long owners,
                                    long ending) {
    }

    /** A mailbox's live members and owners, and whether one person is among them. */
    public record LiveMembership(long members, long owners, boolean hasAccount) {
    }

    /** [members, owners] live on one mailbox, counted in the database. */
    public long[] liveCounts(long mailboxId, Instant now) {
        LiveMembership live = liveMembership(mailboxId, NO_ACCOUNT, now);
        return new long[]{live.members(), live.owners()};
    }

    /** Every unrevoked delegation of one person (expired or not), with mailbox and premises, for a leaver case. */
    public List<Delegation> unrevokedDelegationsOf(long accountId) {
        return em.createQuery("select d from Delegation d join d.mailbox m join m.premises p "
                        + "where d.account.id = :account and d.revokedAt is null order by p.odsCode, d.id", Delegation.class)
                .setHint(JOIN_FETCH, "d.mailbox.premises")
                .setParameter("account", accountId)
                .getResultList();
    }

    /** The live delegation of one person on one mailbox, if any. */
    public Optional<Delegation> liveDelegation(long mailboxId, long accountId, Instant now) {
        return em.createQuery("select d from Delegation d where d.mailbox.id = :mailbox and d.account.id = :account "
                        + "and " + Delegation.LIVE, Delegation.class)
                .setParameter("mailbox", mailboxId).setParameter("account", accountId).setParameter("now", now)
                .getResultStream().findFirst();
    }
}
