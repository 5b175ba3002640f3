package uk.nhs.pharmacy.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.nhs.pharmacy.portal.security.CurrentUser;
import uk.nhs.pharmacy.portal.security.SignInGuard;

/** Portal users: the national team unlocks someone locked out by failed sign-ins, or resets their authenticator. */
@Path("users")
public class UserResource {

    @Inject
    SignInGuard guard;

    @Inject
    CurrentUser currentUser;

    @Inject
    uk.nhs.pharmacy.portal.security.MfaService mfa;

    @POST
    @Path("{username}/unlock")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response unlock(@PathParam("username") String username) {
        guard.unlock(currentUser.actor(), username);
        return Response.noContent().build();
    }

    /** Clears someone's authenticator (a lost phone): they set up a new one at their next sign-in. Audited. */
    @POST
    @Path("{username}/mfa/reset")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resetMfa(@PathParam("username") String username) {
        mfa.reset(currentUser.actor(), username);
        return Response.noContent().build();
    }
}
