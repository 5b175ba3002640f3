package uk.nhs.pharmacy.portal.leaver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Leaver cases as the screens and API read them, narrowed to the reader's scope in the database. */
@ApplicationScoped
public class LeaverQueries {

    private static final Map<String, String> SORTS = Map.of(
            "effectiveAt", "c.effectiveAt", "openedAt", "c.openedAt", "state", "c.state",
            "account", "a.address", "kind", "c.kind");

    @PersistenceContext
    EntityManager em;

    @Inject
    Authorizer authorizer;

    /** Which cases a list shows: open ones (scheduled or waiting), closed ones, or all; optionally one person. */
    public record CaseFilter(boolean openOnly, boolean closedOnly, String addressStart) {
        public static final CaseFilter OPEN = new CaseFilter(true, false, null);

        String jpql() {
            StringBuilder where = new StringBuilder();
            if (openOnly) where.append(" and c.state in :open");
            if (closedOnly) where.append(" and c.state not in :open");
            if (addressStart != null && !addressStart.isBlank()) where.append(" and a.address like :address");
            return where.toString();
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            if (openOnly || closedOnly) query.setParameter("open", List.of(CaseState.SCHEDULED, CaseState.AWAITING_SUCCESSOR));
            if (addressStart != null && !addressStart.isBlank()) {
                query.setParameter("address", addressStart.strip().toLowerCase(Locale.ROOT) + "%");
            }
            return query;
        }
    }

    public List<LeaverCase> cases(Actor actor, CaseFilter filter, int first, int pageSize, String sortField,
                                  boolean ascending) {
        String order = SORTS.getOrDefault(sortField == null ? "" : sortField, "c.effectiveAt");
        boolean asc = sortField == null ? false : ascending;
        TypedQuery<LeaverCase> query = em.createQuery("select c from LeaverCase c join fetch c.account a "
                + "join fetch c.scopeOrganisation o where " + visible(actor) + filter.jpql()
                + " order by " + order + (asc ? " asc" : " desc") + ", c.id desc", LeaverCase.class);
        return bindVisible(filter.bind(query), actor).setFirstResult(first).setMaxResults(pageSize).getResultList();
    }

    public long count(Actor actor, CaseFilter filter) {
        TypedQuery<Long> query = em.createQuery("select count(c) from LeaverCase c join c.account a "
                + "join c.scopeOrganisation o where " + visible(actor) + filter.jpql(), Long.class);
        return bindVisible(filter.bind(query), actor).getSingleResult();
    }

    /** Cases about an organisation in the reader's scope, and cases the reader opened. */
    public static String visible(Actor actor) {
        return ScopeQuery.isUnlimited(actor) ? "1 = 1" : "(" + ScopeQuery.condition(actor, "o") + " or c.openedBy = :me)";
    }

    public static <T> TypedQuery<T> bindVisible(TypedQuery<T> query, Actor actor) {
        if (!ScopeQuery.isUnlimited(actor)) {
            query.setParameter("me", actor.username());
        }
        return ScopeQuery.bind(query, actor);
    }

    /** A case with its steps, if the reader may see the organisation it concerns or opened it. */
    public Optional<LeaverCase> find(Actor actor, long id) {
        LeaverCase found = em.find(LeaverCase.class, id);
        if (found == null || !visible(actor, found)) {
            return Optional.empty();
        }
        found.getSteps().forEach(s -> {
            if (s.getMailbox() != null) {
                s.getMailbox().getAddress();
            }
        });
        return Optional.of(found);
    }

    /** Who may see a case: whoever may see the organisation it is about, and whoever opened it. */
    public boolean visible(Actor actor, LeaverCase leaverCase) {
        return authorizer.may(actor, Action.VIEW, leaverCase.getScopeOrganisation())
                || leaverCase.getOpenedBy().equals(actor.username());
    }

    /** Open cases of one person, newest first, for their account page. */
    public List<LeaverCase> ofAccount(long accountId, int max) {
        return em.createQuery("select c from LeaverCase c join fetch c.scopeOrganisation where c.account.id = :account "
                        + "order by c.openedAt desc, c.id desc", LeaverCase.class)
                .setParameter("account", accountId).setMaxResults(max).getResultList();
    }
}
