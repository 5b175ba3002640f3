package uk.nhs.pharmacy.portal.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Requests as the screens and API read them, narrowed in the database. */
@ApplicationScoped
public class RequestQueries {

    @PersistenceContext
    EntityManager em;

    @Inject
    Authorizer authorizer;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portal.requests.overdue.days", defaultValue = "3")
    int overdueDays;

    /** The queue an LOA decides: submitted requests for premises in scope, oldest first. */
    public List<AccessRequest> queue(Actor actor, int first, int max) {
        TypedQuery<AccessRequest> query = em.createQuery("select r from AccessRequest r join fetch r.premises o "
                + "where r.state = :submitted and " + ScopeQuery.condition(actor, "o")
                + " order by r.requestedAt, r.id", AccessRequest.class);
        return ScopeQuery.bind(query, actor).setParameter("submitted", RequestState.SUBMITTED)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long queueSize(Actor actor) {
        TypedQuery<Long> query = em.createQuery("select count(r) from AccessRequest r join r.premises o "
                + "where r.state = :submitted and " + ScopeQuery.condition(actor, "o"), Long.class);
        return ScopeQuery.bind(query, actor).setParameter("submitted", RequestState.SUBMITTED).getSingleResult();
    }

    /** A requester's own requests, newest first. */
    public List<AccessRequest> mine(Actor actor, int first, int max) {
        return em.createQuery("select r from AccessRequest r join fetch r.premises where r.requestedBy = :me "
                        + "order by r.requestedAt desc, r.id desc", AccessRequest.class)
                .setParameter("me", actor.username()).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long mineCount(Actor actor) {
        return em.createQuery("select count(r) from AccessRequest r where r.requestedBy = :me", Long.class)
                .setParameter("me", actor.username()).getSingleResult();
    }

    /** One request, if the reader made it or may see its premises. */
    public Optional<AccessRequest> find(Actor actor, long id) {
        AccessRequest r = em.find(AccessRequest.class, id);
        if (r == null || !(r.getRequestedBy().equals(actor.username())
                || authorizer.may(actor, Action.APPROVE_REQUEST, r.getPremises()))) {
            return Optional.empty();
        }
        return Optional.of(r);
    }

    /** Requests for one premises in a period, oldest first: the evidence of who asked and who decided. */
    public List<AccessRequest> forPremises(long premisesId, Instant from, Instant to) {
        return em.createQuery("select r from AccessRequest r where r.premises.id = :p and r.requestedAt >= :from "
                        + "and r.requestedAt < :to order by r.requestedAt, r.id", AccessRequest.class)
                .setParameter("p", premisesId).setParameter("from", from).setParameter("to", to).getResultList();
    }

    public boolean isOverdue(AccessRequest r) {
        return r.getState() == RequestState.SUBMITTED
                && r.getRequestedAt().isBefore(clock.instant().minus(Duration.ofDays(overdueDays)));
    }

    public int getOverdueDays() {
        return overdueDays;
    }
}
