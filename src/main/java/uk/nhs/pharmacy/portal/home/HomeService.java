package uk.nhs.pharmacy.portal.home;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import uk.nhs.pharmacy.portal.leaver.CaseState;
import uk.nhs.pharmacy.portal.leaver.LeaverQueries;
import uk.nhs.pharmacy.portal.mailbox.MailboxStatus;
import uk.nhs.pharmacy.portal.request.RequestQueries;
import uk.nhs.pharmacy.portal.request.RequestState;
import uk.nhs.pharmacy.portal.security.Role;
import uk.nhs.pharmacy.portal.organisation.OrganisationKind;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read-only queries for the home pages, always narrowed to the actor's scope in the database. */
@ApplicationScoped
public class HomeService {

    private static final String LIVE = "d.revokedAt is null and (d.expiresAt is null or d.expiresAt > :now)";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    RequestQueries requests;

    public ScopeSummary summary(Actor actor) {
        Instant now = clock.instant();
        String scope = ScopeQuery.condition(actor, "o");
        long premises = count(actor, "select count(o) from Organisation o where o.kind = :premisesKind and " + scope, now);
        Map<MailboxStatus, Long> byStatus = new HashMap<>();
        TypedQuery<Object[]> statusQuery = em.createQuery("select m.status, count(m) from SharedMailbox m join m.premises o "
                + "where " + scope + " group by m.status", Object[].class);
        for (Object[] row : ScopeQuery.bind(statusQuery, actor).getResultList()) {
            byStatus.put((MailboxStatus) row[0], (Long) row[1]);
        }
        long withoutMailbox = count(actor, "select count(o) from Organisation o where o.kind = :premisesKind and "
                + scope + " and not exists (select m from SharedMailbox m where m.premises = o and m.status <> :closed)", now);
        long live = count(actor, "select count(d) from Delegation d join d.mailbox m join m.premises o where "
                + LIVE + " and " + scope, now);
        long belowMinimum = count(actor, "select count(m) from SharedMailbox m join m.premises o where m.status = :active and "
                + scope + " and (select count(d) from Delegation d where d.mailbox = m and " + LIVE + ") < 2", now);
        long withoutOwner = count(actor, "select count(m) from SharedMailbox m join m.premises o where m.status = :active and "
                + scope + " and not exists (select d from Delegation d where d.mailbox = m and d.owner = true and " + LIVE + ")", now);
        long expiring = count(actor, "select count(d) from Delegation d join d.mailbox m join m.premises o where "
                + LIVE + " and d.expiresAt <= :weekAhead and " + scope, now);
        TypedQuery<Long> leaverQuery = em.createQuery("select count(c) from LeaverCase c join c.scopeOrganisation o "
                + "where c.state in :openCases and " + LeaverQueries.visible(actor), Long.class)
                .setParameter("openCases", List.of(CaseState.SCHEDULED, CaseState.AWAITING_SUCCESSOR));
        long pendingLeavers = LeaverQueries.bindVisible(leaverQuery, actor).getSingleResult();
        long requestsWaiting = actor.is(Role.OWNER)
                ? em.createQuery("select count(r) from AccessRequest r where r.requestedBy = :me and r.state = :submitted",
                        Long.class).setParameter("me", actor.username()).setParameter("submitted", RequestState.SUBMITTED)
                .getSingleResult()
                : requests.queueSize(actor);
        return new ScopeSummary(premises, byStatus.getOrDefault(MailboxStatus.ACTIVE, 0L),
                byStatus.getOrDefault(MailboxStatus.LEGACY_NON_CONFORMING, 0L), withoutMailbox, live, belowMinimum,
                withoutOwner, expiring, pendingLeavers, requestsWaiting);
    }

    private long count(Actor actor, String jpql, Instant now) {
        TypedQuery<Long> query = em.createQuery(jpql, Long.class);
        setIfPresent(query, jpql, "now", now);
        setIfPresent(query, jpql, "weekAhead", now.plus(Duration.ofDays(7)));
        setIfPresent(query, jpql, "premisesKind", OrganisationKind.PREMISES);
        setIfPresent(query, jpql, "closed", MailboxStatus.CLOSED);
        setIfPresent(query, jpql, "active", MailboxStatus.ACTIVE);
        return ScopeQuery.bind(query, actor).getSingleResult();
    }

    private static void setIfPresent(TypedQuery<?> query, String jpql, String name, Object value) {
        if (jpql.contains(":" + name)) {
            query.setParameter(name, value);
        }
    }
}
