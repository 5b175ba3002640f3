package uk.nhs.pharmacy.portal.api;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

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
        }
    }
}
