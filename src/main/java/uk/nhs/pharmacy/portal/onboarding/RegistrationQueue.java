package uk.nhs.pharmacy.portal.onboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import uk.nhs.pharmacy.portal.organisation.AreaTree;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The national team's queue of registration requests, filtered and paged in the database: NUMSAS
 * providers first, then the oldest. A requester's own requests, newest first, with their outcome.
 */
@ApplicationScoped
public class RegistrationQueue {

    /** Queue filters; null means any. {@code olderThanDays}: received at least that many days ago. */
    public record Filter(Long areaId, Long phaseId, Boolean numsas, RegistrationState state, Integer olderThanDays)
            implements Serializable {
        public static final Filter OPEN = new Filter(null, null, null, RegistrationState.SUBMITTED, null);
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AreaTree areas;

    @Inject
    PhaseService phases;

    @Inject
    Authorizer authorizer;

    @Inject
    Clock clock;

    public List<RegistrationRequest> page(Actor actor, Filter filter, int first, int max) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        return query(filter, "select r from RegistrationRequest r", " order by r.numsas desc, r.receivedAt, r.id",
                RegistrationRequest.class).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(Actor actor, Filter filter) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        return query(filter, "select count(r) from RegistrationRequest r", "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> query(Filter filter, String select, String order, Class<T> type) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.state() != null) {
            where.add("r.state = :state");
            parameters.put("state", filter.state());
        }
        if (filter.numsas() != null) {
            where.add("r.numsas = :numsas");
            parameters.put("numsas", filter.numsas());
        }
        if (filter.areaId() != null) {
            where.add("r.areaId in :areas");
            parameters.put("areas", List.copyOf(areas.expand(List.of(filter.areaId()))));
        }
        if (filter.phaseId() != null) {
            Set<Long> covered = phases.phase(filter.phaseId()).map(p -> areas.expand(p.getAreas().stream()
                    .map(PhaseArea::getAreaId).filter(java.util.Objects::nonNull).toList())).orElse(Set.of());
            where.add("r.areaId in :phaseAreas");
            parameters.put("phaseAreas", covered.isEmpty() ? List.of(-1L) : List.copyOf(covered));
        }
        if (filter.olderThanDays() != null) {
            where.add("r.receivedAt <= :receivedBy");
            parameters.put("receivedBy", clock.instant().minus(Duration.ofDays(filter.olderThanDays())));
        }
        String jpql = select + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + order;
        TypedQuery<T> query = em.createQuery(jpql, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    /** The requests the reader sent, newest first. */
    public List<RegistrationRequest> mine(Actor actor, int first, int max) {
        return em.createQuery("select r from RegistrationRequest r where r.submittedBy = :by order by r.receivedAt desc, r.id desc",
                        RegistrationRequest.class)
                .setParameter("by", actor.username()).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long countMine(Actor actor) {
        return em.createQuery("select count(r) from RegistrationRequest r where r.submittedBy = :by", Long.class)
                .setParameter("by", actor.username()).getSingleResult();
    }

    /** How long a request has waited, in whole days. */
    public long ageInDays(RegistrationRequest request) {
        Instant end = request.getDecidedAt() == null ? clock.instant() : request.getDecidedAt();
        return Duration.between(request.getReceivedAt(), end).toDays();
    }
}
