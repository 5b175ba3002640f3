package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import uk.nhs.pharmacy.portal.platform.web.Messages;

import java.io.IOException;

/** The sign-in form and sign-out. */
@Named
@RequestScoped
public class LoginView {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    private String username;
    private String password;

    public void signIn() throws IOException {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            messages.error("login.required");
            return;
        }
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getSession(false) != null) {
            request.changeSessionId(); // session fixation: the id a visitor arrived with is never signed in
        }
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true).credential(
                        new UsernamePasswordCredential(PortalUser.normaliseUsername(username), new Password(password))));
        password = null;
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/");
            default -> {
                // Soteria keeps the failed attempt in the session and then answers the next protected
                // request with an empty page; a fresh session starts the next attempt cleanly.
                external.invalidateSession();
                messages.error("login.failed");
            }
        }
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        external.invalidateSession();
        if (external.isResponseCommitted()) {
            faces.responseComplete(); // the OpenID Connect mechanism has already sent the browser on
            return;
        }
        external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=true");
    }

    /** With OpenID Connect sign-in, the sign-in page sends people to the provider instead. */
    public boolean isOpenIdConnect() {
        return SignInMode.configured().equals("oidc");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
