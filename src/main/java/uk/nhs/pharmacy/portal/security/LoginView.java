package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
    FacesContext faces;

    @Inject
    PasswordSignIn signIn;

    @Inject
    Messages messages;

    private String username;
    private String password;
    private String code;

    public void signIn() throws IOException {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            messages.error("login.required");
            return;
        }
        ExternalContext external = faces.getExternalContext();
        SignInOutcome outcome = signIn.signIn((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), username, password, code);
        password = null;
        code = null;
        if (outcome.isThrottled()) {
            messages.error("login.throttled", outcome.retryAfterSeconds());
            return;
        }
        switch (outcome.mfa()) {
            case ENROL -> {
                external.redirect(external.getRequestContextPath() + "/mfa-enrol.xhtml");
                return;
            }
            case CODE_NEEDED -> {
                messages.error("login.codeNeeded");
                return;
            }
            case CODE_WRONG -> {
                messages.error("login.codeWrong");
                return;
            }
            default -> {
                // the password decides
            }
        }
        switch (outcome.status()) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> external.redirect(external.getRequestContextPath()
                    + FormSignIn.takeReturnTo((HttpServletRequest) external.getRequest()).orElse("/"));
            default -> messages.error("login.failed");
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

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
