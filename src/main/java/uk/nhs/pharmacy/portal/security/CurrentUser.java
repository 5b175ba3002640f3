package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;

/** The signed-in user of this request, as an {@link Actor} for the services. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    UserRepository users;

    @Inject
    Actors actors;

    private Actor actor;
    private PortalUser user;
    private final Map<String, Boolean> rolesAsked = new HashMap<>();

    public boolean isSignedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    public Actor actor() {
        if (actor == null) {
            actor = actors.forUser(user());
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

    public String getDisplayName() {
        return isSignedIn() ? user().getDisplayName() : "";
    }

    public Role getRole() {
        return isSignedIn() ? user().getRole() : null;
    }

    public boolean isNationalAdmin() {
        return isInRole(Role.NATIONAL_ADMIN_NAME);
    }

    public boolean isLoa() {
        return isInRole(Role.LOA_NAME);
    }

    public boolean isOwner() {
        return isInRole(Role.OWNER_NAME);
    }

    /** The container's answer, asked once per request: a page's menu and forms ask it dozens of times. */
    private boolean isInRole(String role) {
        return rolesAsked.computeIfAbsent(role, securityContext::isCallerInRole);
    }
}
