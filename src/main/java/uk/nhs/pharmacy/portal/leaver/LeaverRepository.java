package uk.nhs.pharmacy.portal.leaver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class LeaverRepository {

    @PersistenceContext
    EntityManager em;

    public Optional<LeaverCase> find(long id) {
        return Optional.ofNullable(em.find(LeaverCase.class, id));
    }

    /** The case, locked for the rest of the transaction so two runs of it cannot overlap. */
    public Optional<LeaverCase> findForUpdate(long id) {
        return Optional.ofNullable(em.find(LeaverCase.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public void add(LeaverCase leaverCase) {
        em.persist(leaverCase);
    }

    /** Ids of scheduled cases whose effective time has come (index ix_leaver_state). */
    @jakarta.transaction.Transactional // a scheduler thread has no transaction; its reads get their own
    public List<Long> dueIds(Instant now, int max) {
        return em.createQuery("select c.id from LeaverCase c where c.state = :scheduled and c.effectiveAt <= :now "
                        + "order by c.effectiveAt, c.id", Long.class)
                .setParameter("scheduled", CaseState.SCHEDULED).setParameter("now", now)
                .setMaxResults(max).getResultList();
    }

    /** An open case for the same person, kind and organisation, which a new one would duplicate. */
    public Optional<LeaverCase> openDuplicate(long accountId, LeaverKind kind, long scopeOrganisationId) {
        return em.createQuery("select c from LeaverCase c where c.account.id = :account and c.kind = :kind "
                        + "and c.scopeOrganisation.id = :scope and c.state in :open", LeaverCase.class)
                .setParameter("account", accountId).setParameter("kind", kind)
                .setParameter("scope", scopeOrganisationId)
                .setParameter("open", List.of(CaseState.SCHEDULED, CaseState.AWAITING_SUCCESSOR))
                .setMaxResults(1).getResultStream().findFirst();
    }
}
