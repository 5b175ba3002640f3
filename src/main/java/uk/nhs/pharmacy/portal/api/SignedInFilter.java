package uk.nhs.pharmacy.portal.api;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import uk.nhs.pharmacy.portal.security.Role;

/** Every API call but signing in needs a signed-in user: 401 problem+json otherwise, never a redirect. */
@Provider
public class SignedInFilter implements ContainerRequestFilter {

    @Inject
    SecurityContext securityContext;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean signingInOrOut = path.startsWith("session") && !"GET".equals(request.getMethod());
        if (signingInOrOut || path.startsWith("openapi")) {
            return;
        }
        if (securityContext.getCallerPrincipal() == null) {
            request.abortWith(Problem.response(401, "Not signed in", "Sign in first: POST /api/session."));
        } else if (!hasAPortalRole()) {
            // Signed in, but granted no role: an administrator whose identity provider showed no second
            // factor (PortalGroupsStore), or an account disabled since. Services build the actor from the
            // database's role, so without this check the API answered with that role's authority.
            request.abortWith(Problem.response(401, "Not signed in",
                    "Your sign-in gives no access: administrators sign in with a second factor. Sign in again."));
        }
    }

    private boolean hasAPortalRole() {
        return securityContext.isCallerInRole(Role.NATIONAL_ADMIN_NAME) || securityContext.isCallerInRole(Role.LOA_NAME)
                || securityContext.isCallerInRole(Role.OWNER_NAME);
    }
}
