package uk.nhs.pharmacy.portal.scim;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import uk.nhs.pharmacy.portal.hr.HrTokens;
import uk.nhs.pharmacy.portal.platform.Failure;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every SCIM call needs an HR system's bearer token (RFC 6750): without one, or with one that is
 * unknown, revoked or past its change-over, the answer is 401 and nothing else. Each call that got
 * in is audited afterwards with its status, as done by that HR system.
 */
@Provider
public class ScimBearerFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(ScimBearerFilter.class.getName());
    private static final String BEARER = "Bearer ";

    @Inject
    HrTokens tokens;

    @Inject
    ScimCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<HrTokens.Caller> found;
        try {
            found = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? tokens.authenticate(header.substring(BEARER.length()).strip()) : Optional.empty();
        } catch (RuntimeException e) {
            request.abortWith(new ScimExceptionMapper().toResponse(e));
            return;
        }
        if (found.isEmpty()) {
            request.abortWith(Response.fromResponse(ScimJson.error(401, null, ScimJson.words("scim.unauthenticated")))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scim\"").build());
            return;
        }
        caller.set(found.get());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        HrTokens.Caller who = caller.get();
        if (who == null) {
            return;
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String path = "/" + request.getUriInfo().getPath() + (query == null ? "" : "?" + query);
        try {
            tokens.recordCall(who, request.getMethod(), path, response.getStatus());
        } catch (RuntimeException e) {
            // The call is answered already; a change it made was audited in its own transaction.
            LOG.log(Level.WARNING, "Could not audit the SCIM call " + request.getMethod() + " " + path
                    + (Failure.databaseUnavailable(e) ? " (no database)" : ""), e);
        }
    }
}
