package uk.nhs.pharmacy.portal.security;

import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Set;

/**
 * The list-query form of {@link AccessPolicy}: a JPQL condition that keeps only organisations
 * in the actor's scope, so lists are narrowed in the database, never after loading.
 */
public final class ScopeQuery {

    private static final List<Long> NOTHING = List.of(-1L);

    private ScopeQuery() {
    }

    /** A condition on the organisation alias, e.g. {@code ScopeQuery.condition(actor, "o")}. */
    public static String condition(Actor actor, String alias) {
        if (isUnlimited(actor)) {
            return "1 = 1";
        }
        return "(" + alias + ".area.id in :scopeAreas or " + alias + ".id in :scopeOrganisations or "
                + alias + ".parent.id in :scopeOrganisations)";
    }

    /**
     * The same condition for native SQL on an organisation table alias, e.g. {@code o}. The ids are
     * numbers from the actor's scope, never text from a request, so they are written in.
     */
    public static String sqlCondition(Actor actor, String alias) {
        if (isUnlimited(actor)) {
            return "1 = 1";
        }
        String areas = ids(actor.scope().areaIds());
        String organisations = ids(actor.scope().organisationIds());
        return "(" + alias + ".area_id IN (" + areas + ") OR " + alias + ".id IN (" + organisations + ") OR "
                + alias + ".parent_id IN (" + organisations + "))";
    }

    private static String ids(Set<Long> ids) {
        return ids.isEmpty() ? "-1" : String.join(",", ids.stream().map(String::valueOf).toList());
    }

    public static <T> TypedQuery<T> bind(TypedQuery<T> query, Actor actor) {
        if (!isUnlimited(actor)) {
            query.setParameter("scopeAreas", orNothing(actor.scope().areaIds()));
            query.setParameter("scopeOrganisations", orNothing(actor.scope().organisationIds()));
        }
        return query;
    }

    /** National administrators and scheduled work see everything: no condition applies. */
    public static boolean isUnlimited(Actor actor) {
        return actor.system() || actor.role() == Role.NATIONAL_ADMIN;
    }

    private static List<Long> orNothing(Set<Long> ids) {
        return ids.isEmpty() ? NOTHING : List.copyOf(ids);
    }
}
