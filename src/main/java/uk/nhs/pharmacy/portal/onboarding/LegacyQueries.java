package uk.nhs.pharmacy.portal.onboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import uk.nhs.pharmacy.portal.mailbox.MailboxStatus;
import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.organisation.AreaTree;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import java.util.List;

/** Premises in the reader's scope whose mailbox is legacy, by area and one page at a time. */
@ApplicationScoped
public class LegacyQueries {

    @PersistenceContext
    EntityManager em;

    @Inject
    AreaTree areas;

    /** [area id, area name, legacy mailboxes] for each area in scope that has any, by name. */
    public List<Object[]> byArea(Actor actor) {
        return ScopeQuery.bind(em.createQuery("select a.id, a.name, count(m) from SharedMailbox m join m.premises o join o.area a "
                        + "where m.status = :legacy and " + ScopeQuery.condition(actor, "o") + " group by a.id, a.name order by a.name",
                Object[].class), actor).setParameter("legacy", MailboxStatus.LEGACY_NON_CONFORMING).getResultList();
    }

    public List<SharedMailbox> page(Actor actor, Long areaId, int first, int max) {
        return query(actor, areaId, "select m from SharedMailbox m join fetch m.premises o", " order by o.odsCode", SharedMailbox.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(Actor actor, Long areaId) {
        return query(actor, areaId, "select count(m) from SharedMailbox m join m.premises o", "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> query(Actor actor, Long areaId, String select, String order, Class<T> type) {
        TypedQuery<T> query = em.createQuery(select + " where m.status = :legacy and " + ScopeQuery.condition(actor, "o")
                + (areaId == null ? "" : " and o.area.id in :areas") + order, type);
        if (areaId != null) {
            query.setParameter("areas", List.copyOf(areas.expand(List.of(areaId))));
        }
        return ScopeQuery.bind(query, actor).setParameter("legacy", MailboxStatus.LEGACY_NON_CONFORMING);
    }
}
