package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Signing in with a username and password, the same for the sign-in page and the API. */
@ApplicationScoped
public class PasswordSignIn {

    @Inject
    SecurityContext securityContext;

    public AuthenticationStatus signIn(HttpServletRequest request, HttpServletResponse response, String username,
                                       String password) {
        if (request.getSession(false) != null) {
            request.changeSessionId(); // session fixation: the id a visitor arrived with is never signed in
        }
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams().newAuthentication(true).credential(
                        new UsernamePasswordCredential(PortalUser.normaliseUsername(username), new Password(password))));
        return status;
    }
}
