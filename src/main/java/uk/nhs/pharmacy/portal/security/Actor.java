package uk.nhs.pharmacy.portal.security;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who is acting: a signed-in user with a role and a scope, or the system itself (timers, the
 * expiry sweep). Built only by {@link CurrentUser} from the authenticated caller, or by
 * {@link #system(String)} for scheduled work.
 */
public record Actor(String username, Role role, Scope scope, Long personalAccountId, boolean system)
        implements Serializable {

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(scope, "scope");
        if (!system) {
            Objects.requireNonNull(role, "role");
        }
    }

    public static Actor user(String username, Role role, Scope scope, Long personalAccountId) {
        return new Actor(username, role, scope, personalAccountId, false);
    }

    /** Scheduled work, recorded in the audit trail as {@code system:<job>}. */
    public static Actor system(String job) {
        return new Actor("system:" + job, null, Scope.NONE, null, true);
    }

    public boolean is(Role r) {
        return !system && role == r;
    }
}
