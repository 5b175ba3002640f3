package uk.nhs.pharmacy.portal.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;


/**
 * Signing in with a username and password, the same for the sign-in page and the API: throttled
 * per account and client address ({@link SignInGuard}), every attempt audited, and the same work
 * done for a username that does not exist as for one that does, so answers do not tell them apart.
 */
@ApplicationScoped
public class PasswordSignIn {

    /** The session attribute holding the {@link LastSignIn} before this one. */
    public static final String PREVIOUS_SIGN_IN = PasswordSignIn.class.getName() + ".previous";

    @Inject
    SecurityContext securityContext;

    @Inject
    SignInGuard guard;

    @Inject
    Pbkdf2PasswordHash hash;

    private String dummyHash;

    @PostConstruct
    void prepareDummy() {
        hash.initialize(SecurityConfig.HASH_PARAMETERS);
        dummyHash = hash.generate("not-anyone's-password".toCharArray());
    }

    public SignInOutcome signIn(HttpServletRequest request, HttpServletResponse response, String username,
                                String password) {
        return signIn(request, response, username, password, null);
    }

    /** With the authenticator code (or a recovery code) that LOAs and the national team also need. */
    public SignInOutcome signIn(HttpServletRequest request, HttpServletResponse response, String username,
                                String password, String code) {
        String name = PortalUser.normaliseUsername(username);
        String from = guard.clientAddress(request);
        SignInGuard.Check check = guard.check(name, from);
        if (!check.retryAfter().isZero()) {
            guard.refused(name, from, check.retryAfter());
            return SignInOutcome.throttled(check.retryAfter());
        }
        boolean known = check.known();
        if (request.getSession(false) != null) {
            request.changeSessionId(); // session fixation: the id a visitor arrived with is never signed in
        }
        request.setAttribute(FormSignIn.CODE, code);
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams().newAuthentication(true).credential(
                        new UsernamePasswordCredential(name, new Password(password))));
        if (status == AuthenticationStatus.SUCCESS) {
            LastSignIn previous = guard.succeeded(name, from);
            if (previous != null) {
                request.getSession().setAttribute(PREVIOUS_SIGN_IN, previous);
            }
        }
        SignInOutcome.Mfa mfa = (SignInOutcome.Mfa) request.getAttribute(FormSignIn.MFA_STATE);
        if (status == AuthenticationStatus.SEND_FAILURE && (mfa == null || mfa == SignInOutcome.Mfa.CODE_WRONG)) {
            if (!known) {
                hash.verify(password.toCharArray(), dummyHash); // as long as checking a real password
            }
            guard.failed(name, from); // a wrong authenticator code counts as a failed sign-in too
        }
        return SignInOutcome.of(status, mfa);
    }

    /** Signs in the person whose sign-in waited for the authenticator they have just enrolled. */
    public boolean completeEnrolled(HttpServletRequest request, HttpServletResponse response, String username) {
        AuthenticationStatus status = securityContext.authenticate(request, response, AuthenticationParameters.withParams()
                .newAuthentication(true).credential(new FormSignIn.EnrolledCredential(username)));
        if (status == AuthenticationStatus.SUCCESS) {
            guard.succeeded(username, guard.clientAddress(request));
            return true;
        }
        return false;
    }
}
