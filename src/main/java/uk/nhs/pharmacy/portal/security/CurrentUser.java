package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import uk.nhs.pharmacy.portal.organisation.AreaTree;

import java.security.Principal;
import java.util.HashSet;
import java.util.Set;

/** The signed-in user of this request, as an {@link Actor} for the services. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    UserRepository users;

    @Inject
    AreaTree areas;

    private Actor actor;
    private PortalUser user;

    public boolean isSignedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    public Actor actor() {
        if (actor == null) {
            PortalUser u = user();
            actor = Actor.user(u.getUsername(), u.getRole(), scopeOf(u), u.getPersonalAccountId());
        }
        return actor;
    }

    public PortalUser user() {
        if (user == null) {
            Principal principal = securityContext.getCallerPrincipal();
            if (principal == null) {
                throw new AccessDeniedException("Not signed in");
            }
            user = users.findByUsername(principal.getName())
                    .filter(PortalUser::isEnabled)
                    .orElseThrow(() -> new AccessDeniedException("No enabled portal user " + principal.getName()));
        }
        return user;
    }

    private Scope scopeOf(PortalUser u) {
        Set<Long> ids = u.getScopeOrganisationIds();
        if (u.getRole() == Role.NATIONAL_ADMIN) {
            return Scope.NONE; // national administrators are not limited by scope
        }
        Set<Long> organisationIds = new HashSet<>();
        for (Long id : ids) {
            if (!areas.isArea(id)) {
                organisationIds.add(id);
            }
        }
        return new Scope(areas.expand(ids), organisationIds);
    }

    public String getDisplayName() {
        return isSignedIn() ? user().getDisplayName() : "";
    }

    public Role getRole() {
        return isSignedIn() ? user().getRole() : null;
    }

    public boolean isNationalAdmin() {
        return securityContext.isCallerInRole(Role.NATIONAL_ADMIN_NAME);
    }

    public boolean isLoa() {
        return securityContext.isCallerInRole(Role.LOA_NAME);
    }

    public boolean isOwner() {
        return securityContext.isCallerInRole(Role.OWNER_NAME);
    }
}
