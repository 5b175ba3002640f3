package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import uk.nhs.pharmacy.portal.platform.PortalDataSource;

/**
 * Sign-in with the portal's own form ({@code portal.auth=form}, the default): usernames and PBKDF2
 * password hashes in portal_user, roles from its role column.
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
@ApplicationScoped
public class FormSignIn {
}
