package uk.nhs.pharmacy.portal.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import uk.nhs.pharmacy.portal.platform.PortalDataSource;

/**
 * Form sign-in on our own Faces page, against the portal_user table; passwords are PBKDF2 hashes
 * made by the platform's {@link Pbkdf2PasswordHash}.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
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
@DeclareRoles({Role.NATIONAL_ADMIN_NAME, Role.LOA_NAME, Role.OWNER_NAME})
@ApplicationScoped
public class SecurityConfig {

    /** The same parameters as the identity store, for hashing new passwords. */
    public static final java.util.Map<String, String> HASH_PARAMETERS = java.util.Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");
}
