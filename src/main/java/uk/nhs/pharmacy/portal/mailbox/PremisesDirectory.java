package uk.nhs.pharmacy.portal.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import uk.nhs.pharmacy.portal.organisation.OrganisationKind;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The premises directory: premises in the actor's scope with their mailbox and live counts,
 * paged, sorted and filtered in the database.
 */
@ApplicationScoped
public class PremisesDirectory {

    /*
     * Sort keys are expressions, not bare columns. With a bare column MariaDB walks that column's
     * index in order to stop after one page, reading most of the 11,500 premises to find 20 in an
     * LOA's area that match a search (0.15 s a page, 1.5 s at p95 under 16 LOAs); with an expression
     * it narrows by the area index first and sorts the few hundred left (0.02 s). Codes and postcodes
     * are stored upper case, so upper() keeps their order; names now sort ignoring case.
     */
    private static final Map<String, String> SORTABLE = Map.of(
            "odsCode", "upper(o.odsCode)", "name", "lower(o.name)", "postcode", "upper(o.postcode)", "area", "a.name");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MailboxRepository mailboxes;

    public long countPremises(Actor actor, PremisesFilter filter) {
        TypedQuery<Long> query = em.createQuery("select count(o) from Organisation o left join o.area a "
                + "where o.kind = :premisesKind and " + ScopeQuery.condition(actor, "o") + filter.jpql(), Long.class);
        query.setParameter("premisesKind", OrganisationKind.PREMISES);
        filter.bind(query, clock.instant());
        return ScopeQuery.bind(query, actor).getSingleResult();
    }

    /** One page of premises in scope, with each one's open mailbox and its live and owner counts. */
    public List<PremisesRow> premises(Actor actor, PremisesFilter filter, int first, int pageSize, String sortField,
                                      boolean ascending) {
        String order = SORTABLE.getOrDefault(sortField, "lower(o.name)") + (ascending ? " asc" : " desc") + ", o.id";
        TypedQuery<Object[]> query = em.createQuery("select o.id, o.odsCode, o.name, o.postcode, a.name "
                + "from Organisation o left join o.area a where o.kind = :premisesKind and "
                + ScopeQuery.condition(actor, "o") + filter.jpql() + " order by " + order, Object[].class);
        query.setParameter("premisesKind", OrganisationKind.PREMISES);
        filter.bind(query, clock.instant());
        List<Object[]> page = ScopeQuery.bind(query, actor).setFirstResult(first).setMaxResults(pageSize).getResultList();
        List<PremisesRow> rows = new ArrayList<>();
        for (Object[] r : page) {
            rows.add(new PremisesRow((Long) r[0], String.valueOf(r[1]), (String) r[2],
                    r[3] == null ? null : r[3].toString(), (String) r[4], null, null, 0, 0, 0));
        }
        return withMailboxes(rows);
    }

    private List<PremisesRow> withMailboxes(List<PremisesRow> rows) {
        Instant now = clock.instant();
        Map<Long, MailboxRepository.OpenMailboxCounts> byPremises = new HashMap<>();
        mailboxes.openMailboxesOf(rows.stream().map(PremisesRow::id).toList(), now, now.plus(ExpiringAccess.DEFAULT_WINDOW))
                .forEach(m -> byPremises.put(m.premisesId(), m));
        List<PremisesRow> result = new ArrayList<>(rows.size());
        for (PremisesRow row : rows) {
            MailboxRepository.OpenMailboxCounts m = byPremises.get(row.id());
            result.add(m == null ? row : row.withMailbox(m.address(), m.status(), m.live(), m.owners(), m.ending()));
        }
        return result;
    }
}
