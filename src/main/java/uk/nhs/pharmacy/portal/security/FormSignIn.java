package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import uk.nhs.pharmacy.portal.platform.PortalDataSource;

import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/**
 * Sign-in with the portal's own form ({@code portal.auth=form}, the default): usernames and PBKDF2
 * password hashes in portal_user, roles from its role column.
 * <p>
 * The signed-in caller and their groups are kept in the session by this mechanism and handed to the
 * container on every request by name and groups. The platform's {@code @AutoApplySession} hands over
 * the principal alone and the container looks the groups up again, which lost them for 1-5 % of
 * requests under concurrent load (Payara issue #6145: signed-in people got "Page not found") and on
 * another cluster member (#6342).
 */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = PortalDataSource.JNDI_NAME,
        callerQuery = "select password_hash from portal_user where username = ? and enabled = TRUE",
        groupsQuery = "select role from portal_user where username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
                "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations=210000",
                "Pbkdf2PasswordHash.SaltSizeBytes=32",
                "Pbkdf2PasswordHash.KeySizeBytes=32"
        })
@ApplicationScoped
public class FormSignIn implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    private static final String CALLER = FormSignIn.class.getName() + ".caller";
    private static final String RETURN_TO = FormSignIn.class.getName() + ".returnTo";

    /** The session attribute holding a {@link PendingSignIn}: password right, second factor still to come. */
    static final String PENDING = FormSignIn.class.getName() + ".pending";
    /** The request attribute the sign-in passes the authenticator code in. */
    static final String CODE = FormSignIn.class.getName() + ".code";
    /** The request attribute that says why a password that was right did not sign in ({@link SignInOutcome.Mfa}). */
    static final String MFA_STATE = FormSignIn.class.getName() + ".mfa";

    /** Who is signed in to a session, and in which groups (roles). */
    record SignedIn(String name, Set<String> groups) implements Serializable {
    }

    /** Password right, no authenticator yet: the person enrols one before they are signed in. */
    public record PendingSignIn(String name, Set<String> groups, String secret) implements Serializable {
        PendingSignIn withSecret(String newSecret) {
            return new PendingSignIn(name, groups, newSecret);
        }
    }

    /** The credential of a person who has just enrolled an authenticator: what is pending signs in. */
    record EnrolledCredential(String name) implements Credential {
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    MfaService mfa;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(request, context, credential);
        }
        HttpSession session = request.getSession(false);
        SignedIn signedIn = session == null ? null : (SignedIn) session.getAttribute(CALLER);
        if (signedIn != null) {
            return context.notifyContainerAboutLogin(signedIn.name(), signedIn.groups());
        }
        if (context.isProtected()) {
            return continueAfterSignIn(request, response);
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        if (credential instanceof EnrolledCredential enrolled) {
            HttpSession session = request.getSession(false);
            PendingSignIn pending = session == null ? null : (PendingSignIn) session.getAttribute(PENDING);
            if (pending == null || !pending.name().equals(enrolled.name()) || !mfa.enrolled(pending.name())) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            session.removeAttribute(PENDING);
            return complete(request, context, new SignedIn(pending.name(), pending.groups()));
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignedIn signedIn = new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()));
        if (mfa.requiredFor(signedIn.groups())) {
            if (!mfa.enrolled(signedIn.name())) {
                request.getSession().setAttribute(PENDING, new PendingSignIn(signedIn.name(), signedIn.groups(), null));
                request.setAttribute(MFA_STATE, SignInOutcome.Mfa.ENROL);
                return AuthenticationStatus.SEND_FAILURE;
            }
            String code = (String) request.getAttribute(CODE);
            if (code == null || code.isBlank()) {
                request.setAttribute(MFA_STATE, SignInOutcome.Mfa.CODE_NEEDED);
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (!mfa.accept(signedIn.name(), code)) {
                request.setAttribute(MFA_STATE, SignInOutcome.Mfa.CODE_WRONG);
                return AuthenticationStatus.SEND_FAILURE;
            }
        }
        return complete(request, context, signedIn);
    }

    private AuthenticationStatus complete(HttpServletRequest request, HttpMessageContext context, SignedIn signedIn) {
        request.getSession().setAttribute(CALLER, signedIn);
        return context.notifyContainerAboutLogin(signedIn.name(), signedIn.groups());
    }

    /** The sign-in waiting for an authenticator to be enrolled in this session, if any. */
    public static Optional<PendingSignIn> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (PendingSignIn) session.getAttribute(PENDING));
    }

    static void keep(HttpServletRequest request, PendingSignIn pending) {
        request.getSession().setAttribute(PENDING, pending);
    }

    /** A signed-out visitor asking for a page goes to the sign-in page, and back to the page afterwards. */
    private AuthenticationStatus continueAfterSignIn(HttpServletRequest request, HttpServletResponse response) {
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            String page = request.getRequestURI().substring(request.getContextPath().length());
            request.getSession().setAttribute(RETURN_TO, query == null ? page : page + "?" + query);
        }
        try {
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** The page a visitor asked for before signing in (within the portal), taken from the session once. */
    public static Optional<String> takeReturnTo(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object page = session.getAttribute(RETURN_TO);
        session.removeAttribute(RETURN_TO);
        return Optional.ofNullable((String) page).filter(p -> p.startsWith("/") && !p.startsWith("//"));
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
