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
