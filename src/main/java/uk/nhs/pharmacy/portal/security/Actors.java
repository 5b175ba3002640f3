package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.organisation.AreaTree;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Turns a portal user into an {@link Actor}: role, and scope expanded to every nested area. */
@ApplicationScoped
public class Actors {

    @Inject
    UserRepository users;

    @Inject
    AreaTree areas;

    public Optional<Actor> forUsername(String username) {
        return users.findByUsername(username).filter(PortalUser::isEnabled).map(this::forUser);
    }

    public Actor forUser(PortalUser user) {
        return Actor.user(user.getUsername(), user.getRole(), scopeOf(user), user.getPersonalAccountId());
    }

    /**
     * An HR system's actor: {@code hr:} and its token's name, lower-case as usernames are (the audit
     * search finds an actor by it), and the token's organisations as its scope.
     */
    public Actor forHrSystem(String tokenName, Set<Long> organisationIds) {
        return Actor.user("hr:" + tokenName.toLowerCase(java.util.Locale.ROOT), Role.HR_SYSTEM, scopeOf(organisationIds), null);
    }

    private Scope scopeOf(PortalUser user) {
        if (user.getRole() == Role.NATIONAL_ADMIN) {
            return Scope.NONE; // national administrators are not limited by scope
        }
        return scopeOf(user.getScopeOrganisationIds());
    }

    private Scope scopeOf(Set<Long> ids) {
        Set<Long> organisationIds = new HashSet<>();
        for (Long id : ids) {
            if (!areas.isArea(id)) {
                organisationIds.add(id);
            }
        }
        return new Scope(areas.expand(ids), organisationIds);
    }
}
