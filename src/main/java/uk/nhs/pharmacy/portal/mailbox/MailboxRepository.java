package uk.nhs.pharmacy.portal.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MailboxRepository {

    @PersistenceContext
    EntityManager em;

    public Optional<SharedMailbox> find(long id) {
        return Optional.ofNullable(em.find(SharedMailbox.class, id));
    }

    public Optional<Delegation> findDelegation(long id) {
        return Optional.ofNullable(em.find(Delegation.class, id));
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
                        + "and d.revokedAt is null and (d.expiresAt is null or d.expiresAt > :now) "
                        + "order by d.owner desc, a.lastName, a.firstName", Delegation.class)
                .setParameter("mailbox", mailboxId).setParameter("now", now)
                .getResultList();
    }

    /** Ids of unrevoked delegations whose expiry has passed, oldest first (index ix_delegation_expiry). */
    @jakarta.transaction.Transactional // a scheduler thread has no transaction; its reads get their own
    public List<Long> expiredIds(Instant now, int max) {
        return em.createQuery("select d.id from Delegation d where d.expiresAt <= :now and d.revokedAt is null "
                        + "order by d.expiresAt, d.id", Long.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    /** Every live delegation of one person, across all premises. */
    public List<Delegation> liveDelegationsOf(long accountId, Instant now) {
        return em.createQuery("select d from Delegation d join fetch d.mailbox m join fetch m.premises p "
                        + "where d.account.id = :account and d.revokedAt is null and (d.expiresAt is null or d.expiresAt > :now) "
                        + "order by p.name", Delegation.class)
                .setParameter("account", accountId).setParameter("now", now)
                .getResultList();
    }

    public boolean hasLiveDelegation(long mailboxId, long accountId, Instant now) {
        return !em.createQuery("select d.id from Delegation d where d.mailbox.id = :mailbox and d.account.id = :account "
                        + "and d.revokedAt is null and (d.expiresAt is null or d.expiresAt > :now)", Long.class)
                .setParameter("mailbox", mailboxId).setParameter("account", accountId).setParameter("now", now)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** [members, owners] live on one mailbox, counted in the database. */
    public long[] liveCounts(long mailboxId, Instant now) {
        Object[] row = em.createQuery("select count(d), sum(case when d.owner = true then 1 else 0 end) "
                        + "from Delegation d where d.mailbox.id = :mailbox and d.revokedAt is null "
                        + "and (d.expiresAt is null or d.expiresAt > :now)", Object[].class)
                .setParameter("mailbox", mailboxId).setParameter("now", now)
                .getSingleResult();
        return new long[]{((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue()};
    }

    /** Every unrevoked delegation of one person (expired or not), with mailbox and premises, for a leaver case. */
    public List<Delegation> unrevokedDelegationsOf(long accountId) {
        return em.createQuery("select d from Delegation d join fetch d.mailbox m join fetch m.premises p "
                        + "where d.account.id = :account and d.revokedAt is null order by p.odsCode, d.id", Delegation.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    /** The live delegation of one person on one mailbox, if any. */
    public Optional<Delegation> liveDelegation(long mailboxId, long accountId, Instant now) {
        return em.createQuery("select d from Delegation d where d.mailbox.id = :mailbox and d.account.id = :account "
                        + "and d.revokedAt is null and (d.expiresAt is null or d.expiresAt > :now)", Delegation.class)
                .setParameter("mailbox", mailboxId).setParameter("account", accountId).setParameter("now", now)
                .getResultStream().findFirst();
    }
}
