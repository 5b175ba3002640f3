package uk.nhs.pharmacy.portal.home;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import uk.nhs.pharmacy.portal.mailbox.MailboxStatus;
import uk.nhs.pharmacy.portal.organisation.OrganisationKind;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read-only queries for the home pages, always narrowed to the actor's scope in the database. */
@ApplicationScoped
public class HomeService {

    private static final String LIVE = "d.revokedAt is null and (d.expiresAt is null or d.expiresAt > :now)";
    private static final Map<String, String> SORTABLE = Map.of(
            "odsCode", "o.odsCode", "name", "o.name", "postcode", "o.postcode", "area", "a.name");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

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
        return new ScopeSummary(premises, byStatus.getOrDefault(MailboxStatus.ACTIVE, 0L),
                byStatus.getOrDefault(MailboxStatus.LEGACY_NON_CONFORMING, 0L), withoutMailbox, live, belowMinimum,
                withoutOwner, expiring);
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

    public long countPremises(Actor actor, PremisesFilter filter) {
        TypedQuery<Long> query = em.createQuery("select count(o) from Organisation o left join o.area a "
                + "where o.kind = :premisesKind and " + ScopeQuery.condition(actor, "o") + filter.jpql(), Long.class);
        query.setParameter("premisesKind", OrganisationKind.PREMISES);
        filter.bind(query);
        return ScopeQuery.bind(query, actor).getSingleResult();
    }

    /** One page of premises in scope, with each one's open mailbox and its live and owner counts. */
    public List<PremisesRow> premises(Actor actor, PremisesFilter filter, int first, int pageSize, String sortField,
                                      boolean ascending) {
        String order = SORTABLE.getOrDefault(sortField, "o.name") + (ascending ? " asc" : " desc") + ", o.id";
        TypedQuery<Object[]> query = em.createQuery("select o.id, o.odsCode, o.name, o.postcode, a.name "
                + "from Organisation o left join o.area a where o.kind = :premisesKind and "
                + ScopeQuery.condition(actor, "o") + filter.jpql() + " order by " + order, Object[].class);
        query.setParameter("premisesKind", OrganisationKind.PREMISES);
        filter.bind(query);
        List<Object[]> page = ScopeQuery.bind(query, actor).setFirstResult(first).setMaxResults(pageSize).getResultList();
        List<PremisesRow> rows = new ArrayList<>();
        for (Object[] r : page) {
            rows.add(new PremisesRow((Long) r[0], String.valueOf(r[1]), (String) r[2],
                    r[3] == null ? null : r[3].toString(), (String) r[4], null, null, 0, 0));
        }
        return withMailboxes(rows);
    }

    private List<PremisesRow> withMailboxes(List<PremisesRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<Long> ids = rows.stream().map(PremisesRow::id).toList();
        List<Object[]> mailboxes = em.createQuery("select m.premises.id, m.address, m.status, "
                        + "(select count(d) from Delegation d where d.mailbox = m and " + LIVE + "), "
                        + "(select count(d) from Delegation d where d.mailbox = m and d.owner = true and " + LIVE + ") "
                        + "from SharedMailbox m where m.premises.id in :ids and m.status <> :closed", Object[].class)
                .setParameter("ids", ids)
                .setParameter("closed", MailboxStatus.CLOSED)
                .setParameter("now", clock.instant())
                .getResultList();
        Map<Long, Object[]> byPremises = new HashMap<>();
        mailboxes.forEach(m -> byPremises.put((Long) m[0], m));
        List<PremisesRow> result = new ArrayList<>(rows.size());
        for (PremisesRow row : rows) {
            Object[] m = byPremises.get(row.id());
            result.add(m == null ? row : row.withMailbox(m[1].toString(), (MailboxStatus) m[2],
                    ((Number) m[3]).longValue(), ((Number) m[4]).longValue()));
        }
        return result;
    }
}
