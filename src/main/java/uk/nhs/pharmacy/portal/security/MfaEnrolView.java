package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import uk.nhs.pharmacy.portal.platform.web.Messages;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Setting up an authenticator app, after the password was right and before the person is signed
 * in: the page shows a new secret (as a QR code and as text), the person proves they have it with a
 * code, and is then signed in and shown their recovery codes, once.
 */
@Named
@RequestScoped
public class MfaEnrolView {

    @Inject
    FacesContext faces;

    @Inject
    MfaService mfa;

    @Inject
    PasswordSignIn signIn;

    @Inject
    Messages messages;

    private String code;
    private List<String> recoveryCodes = List.of();

    private HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }

    /** The sign-in waiting for this enrolment, with its secret made on first sight; empty if there is none. */
    public Optional<FormSignIn.PendingSignIn> getPending() {
        Optional<FormSignIn.PendingSignIn> pending = FormSignIn.pending(request());
        if (pending.isPresent() && pending.get().secret() == null) {
            FormSignIn.PendingSignIn withSecret = pending.get().withSecret(Totp.newSecret());
            FormSignIn.keep(request(), withSecret);
            return Optional.of(withSecret);
        }
        return pending;
    }

    /** The key grouped in fours, as people type it into an app. */
    public String getKey() {
        return getPending().map(p -> p.secret().replaceAll("(.{4})(?!$)", "$1 ")).orElse("");
    }

    public void confirm() throws IOException {
        Optional<FormSignIn.PendingSignIn> pending = getPending();
        if (pending.isEmpty()) {
            messages.error("mfa.enrol.expired");
            return;
        }
        List<String> codes = mfa.enrol(pending.get().name(), pending.get().secret(), code);
        code = null;
        if (codes.isEmpty()) {
            messages.error("mfa.enrol.wrong");
            return;
        }
        ExternalContext external = faces.getExternalContext();
        if (!signIn.completeEnrolled(request(), (HttpServletResponse) external.getResponse(), pending.get().name())) {
            messages.error("mfa.enrol.expired");
            return;
        }
        recoveryCodes = codes;
        messages.info("mfa.enrol.done");
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
