package uk.nhs.pharmacy.portal.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Where a user may act. {@code areaIds} is already expanded to every nested area; an organisation
 * in {@code organisationIds} covers itself and, for a contractor, its premises.
 */
public record Scope(Set<Long> areaIds, Set<Long> organisationIds) implements Serializable {

    public static final Scope NONE = new Scope(Set.of(), Set.of());

    public Scope {
        areaIds = Set.copyOf(areaIds);
        organisationIds = Set.copyOf(organisationIds);
    }

    public boolean covers(OrganisationPlace place) {
        return organisationIds.contains(place.id())
                || (place.parentId() != null && organisationIds.contains(place.parentId()))
                || (place.areaId() != null && areaIds.contains(place.areaId()))
                || areaIds.contains(place.id());
    }

    public boolean isEmpty() {
        return areaIds.isEmpty() && organisationIds.isEmpty();
    }

    /** Everywhere either scope covers. */
    public Scope union(Scope other) {
        Set<Long> areas = new java.util.HashSet<>(areaIds);
        areas.addAll(other.areaIds);
        Set<Long> organisations = new java.util.HashSet<>(organisationIds);
        organisations.addAll(other.organisationIds);
        return new Scope(areas, organisations);
    }
}
