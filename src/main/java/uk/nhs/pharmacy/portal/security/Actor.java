package uk.nhs.pharmacy.portal.security;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * Who is acting: a signed-in user with a role and a scope, or the system itself (timers, the
 * expiry sweep). Built only by {@link CurrentUser} from the authenticated caller, or by
 * {@link #system(String)} for scheduled work. {@code scope} is where the actor may see and act: their
 * own scope ({@code ownScope}) and, while they deputise for an LOA on leave, the delegated parts
 * ({@code deputyships}), where {@link AccessPolicy} lets them act as that LOA would.
 */
public record Actor(String username, Role role, Scope scope, Long personalAccountId, boolean system, Scope ownScope,
                    List<Deputyship> deputyships) implements Serializable {

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(ownScope, "ownScope");
        deputyships = List.copyOf(deputyships);
        if (!system) {
            Objects.requireNonNull(role, "role");
        }
    }

    public static Actor user(String username, Role role, Scope scope, Long personalAccountId) {
        return new Actor(username, role, scope, personalAccountId, false, scope, List.of());
    }

    /** Scheduled work, recorded in the audit trail as {@code system:<job>}. */
    public static Actor system(String job) {
        return new Actor("system:" + job, null, Scope.NONE, null, true, Scope.NONE, List.of());
    }

    /** This actor while deputising: their scope grows by each running appointment's part. */
    public Actor deputising(List<Deputyship> running) {
        Scope all = ownScope;
        for (Deputyship d : running) {
            all = all.union(d.scope());
        }
        return new Actor(username, role, all, personalAccountId, system, ownScope, running);
    }

    /**
     * The absent LOA this actor stands in for at the place: empty when they act there in their own
     * right (their own scope covers it, or their role needs no scope).
     */
    public Optional<String> actingFor(OrganisationPlace place) {
        if (deputyships.isEmpty() || place == null || role == Role.NATIONAL_ADMIN || ownScope.covers(place)) {
            return Optional.empty();
        }
        return deputyships.stream().filter(d -> d.scope().covers(place)).map(Deputyship::absentUsername).findFirst();
    }

    public boolean is(Role r) {
        return !system && role == r;
    }
}
