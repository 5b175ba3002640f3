package uk.nhs.pharmacy.portal.api;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.nhs.pharmacy.portal.security.PasswordSignIn;

/**
 * API sign-in: POST {"username","password"} as JSON; the answer sets the session cookie that
 * later calls send. The same identity store and password hashes as the sign-in page.
 */
@Path("session")
public class SessionResource {

    @Inject
    PasswordSignIn signIn;

    @Inject
    uk.nhs.pharmacy.portal.security.CurrentUser currentUser;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(Dtos.Credentials credentials) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            return Problem.response(400, "Bad request", "Send {\"username\": ..., \"password\": ...}.");
        }
        var outcome = signIn.signIn(request, response, credentials.username(), credentials.password(), credentials.code());
        if (outcome.isThrottled()) {
            return Response.fromResponse(Problem.response(429, "Too many attempts", "Too many failed sign-ins: wait "
                    + outcome.retryAfterSeconds() + " seconds and try again, or ask the national team to unlock the account."))
                    .header("Retry-After", outcome.retryAfterSeconds()).build();
        }
        switch (outcome.mfa()) {
            case CODE_NEEDED, CODE_WRONG -> {
                return Problem.response(401, "Not signed in", "This account also needs the 6-digit code from its "
                        + "authenticator app (or a recovery code), not used before: send it as \"code\".");
            }
            case ENROL -> {
                return Problem.response(403, "Authenticator needed", "Set up an authenticator app by signing in on the "
                        + "sign-in page first; then send its code here as \"code\".");
            }
            default -> {
                // the password decides
            }
        }
        if (outcome.status() != AuthenticationStatus.SUCCESS) {
            return Problem.response(401, "Not signed in", "The username or password is not right.");
        }
        request.getSession(true);
        return Response.noContent().build();
    }

    /** Who is signed in: the cheapest signed-in call, also the benchmark's floor for the API. */
    @jakarta.ws.rs.GET
    @jakarta.ws.rs.Produces(MediaType.APPLICATION_JSON)
    public Dtos.Me me() {
        uk.nhs.pharmacy.portal.security.Actor actor = currentUser.actor();
        return new Dtos.Me(actor.username(), actor.role().name());
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signOut() throws ServletException {
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        return Response.noContent().build();
    }
}
