package uk.nhs.pharmacy.portal.security;

import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The list-query form of {@link AccessPolicy}: a JPQL condition that keeps only organisations
 * in the actor's scope, so lists are narrowed in the database, never after loading.
 */
public final class ScopeQuery {

    private ScopeQuery() {
    }

    /**
     * A condition on the organisation alias, e.g. {@code ScopeQuery.condition(actor, "o")}. Only the
     * parts the scope has are written: an LOA's area condition alone can use the area index, which a
     * disjunction with empty organisation lists would stop the database from doing.
     */
    public static String condition(Actor actor, String alias) {
        if (isUnlimited(actor)) {
            return "1 = 1";
        }
        List<String> parts = new ArrayList<>();
        if (!actor.scope().areaIds().isEmpty()) {
            parts.add(alias + ".area.id in :scopeAreas");
        }
        if (!actor.scope().organisationIds().isEmpty()) {
            parts.add(alias + ".id in :scopeOrganisations");
            parts.add(alias + ".parent.id in :scopeOrganisations");
        }
        return parts.isEmpty() ? "1 = 0" : "(" + String.join(" or ", parts) + ")";
    }

    /**
     * {@link #condition} for rows that can belong to an area itself, not only to premises and
     * contractors: people, whose home may be an area (an LOA, the rest of NHSmail). {@link Scope#covers}
     * covers an area in scope; premises lists leave this out, so their area condition keeps its index.
     */
    public static String conditionWithAreas(Actor actor, String alias) {
        String condition = condition(actor, alias);
        return actor.scope().areaIds().isEmpty() || isUnlimited(actor) ? condition
                : "(" + condition + " or " + alias + ".id in :scopeAreas)";
    }

    /**
     * The same condition for native SQL on an organisation table alias, e.g. {@code o}. The ids are
     * numbers from the actor's scope, never text from a request, so they are written in.
     */
    public static String sqlCondition(Actor actor, String alias) {
        return isUnlimited(actor) ? "1 = 1" : sqlCondition(actor.scope(), alias);
    }

    /** {@link #sqlCondition(Actor, String)} for a scope that is not a caller's (an access review's organisations). */
    public static String sqlCondition(Scope scope, String alias) {
        List<String> parts = sqlParts(scope, alias);
        return parts.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", parts) + ")";
    }

    /**
     * The ids of the organisations in the actor's scope as a derived table for native SQL to join
     * ({@code JOIN (…) s ON s.id = m.premises_id}): the parts of {@link #sqlCondition}, each read through
     * its own index and joined by {@code UNION}; empty for an actor the scope does not limit. For a query
     * that starts from the scope: an {@code OR} of the id and the parent cannot use one index, and H2
     * then reads every organisation to keep a chain's 2,000.
     */
    public static Optional<String> sqlOrganisations(Actor actor) {
        if (isUnlimited(actor)) {
            return Optional.empty();
        }
        List<String> parts = sqlParts(actor.scope(), "o");
        return Optional.of(parts.isEmpty() ? "SELECT o.id FROM organisation o WHERE 1 = 0" : String.join(" UNION ",
                parts.stream().map(part -> "SELECT o.id FROM organisation o WHERE " + part).toList()));
    }

    /** The scope's conditions on an organisation table alias, one per part it has. */
    private static List<String> sqlParts(Scope scope, String alias) {
        List<String> parts = new ArrayList<>();
        if (!scope.areaIds().isEmpty()) {
            parts.add(alias + ".area_id IN (" + ids(scope.areaIds()) + ")");
        }
        if (!scope.organisationIds().isEmpty()) {
            String organisations = ids(scope.organisationIds());
            parts.add(alias + ".id IN (" + organisations + ")");
            parts.add(alias + ".parent_id IN (" + organisations + ")");
        }
        return parts;
    }

    private static String ids(Set<Long> ids) {
        return ids.isEmpty() ? "-1" : String.join(",", ids.stream().map(String::valueOf).toList());
    }

    public static <T> TypedQuery<T> bind(TypedQuery<T> query, Actor actor) {
        if (!isUnlimited(actor)) {
            if (!actor.scope().areaIds().isEmpty()) {
                query.setParameter("scopeAreas", List.copyOf(actor.scope().areaIds()));
            }
            if (!actor.scope().organisationIds().isEmpty()) {
                query.setParameter("scopeOrganisations", List.copyOf(actor.scope().organisationIds()));
            }
        }
        return query;
    }

    /** National administrators and scheduled work see everything: no condition applies. */
    public static boolean isUnlimited(Actor actor) {
        return actor.system() || actor.role() == Role.NATIONAL_ADMIN;
    }
}
