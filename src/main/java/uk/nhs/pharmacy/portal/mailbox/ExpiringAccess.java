package uk.nhs.pharmacy.portal.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Live access that ends within the next days, in the reader's scope, soonest first: the list an
 * owner or LOA checks to extend a locum's cover before it lapses. Read through ix_delegation_expiry.
 */
@ApplicationScoped
public class ExpiringAccess {

    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private static final Map<String, String> SORTS = Map.of(
            "expiresAt", "d.expiresAt", "account", "a.address", "premises", "o.odsCode");
    private static final String FROM = " from Delegation d join d.account a join d.mailbox m join m.premises o "
            + "where " + Delegation.LIVE + " and d.expiresAt <= :until and ";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public List<Delegation> page(Actor actor, Duration within, int first, int pageSize, String sortField,
                                 boolean ascending) {
        String order = SORTS.getOrDefault(sortField == null ? "" : sortField, "d.expiresAt");
        TypedQuery<Delegation> query = em.createQuery("select d" + FROM + ScopeQuery.condition(actor, "o")
                + " order by " + order + (ascending ? " asc" : " desc") + ", d.id", Delegation.class);
        query.setHint("eclipselink.join-fetch", "d.account");
        query.setHint("eclipselink.join-fetch", "d.mailbox.premises");
        return bind(query, actor, within).setFirstResult(first).setMaxResults(pageSize).getResultList();
    }

    public long count(Actor actor, Duration within) {
        return bind(em.createQuery("select count(d)" + FROM + ScopeQuery.condition(actor, "o"), Long.class), actor, within)
                .getSingleResult();
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query, Actor actor, Duration within) {
        Instant now = clock.instant();
        query.setParameter("now", now).setParameter("until", now.plus(within));
        return ScopeQuery.bind(query, actor);
    }
}
