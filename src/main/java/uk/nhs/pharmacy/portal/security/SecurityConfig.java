package uk.nhs.pharmacy.portal.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * The portal's roles, and how passwords are hashed. How people sign in is chosen by
 * {@code portal.auth}: {@link FormSignIn} (default) or {@link OpenIdSignIn}; see {@link SignInMode}.
 */
@DeclareRoles({Role.NATIONAL_ADMIN_NAME, Role.LOA_NAME, Role.OWNER_NAME})
@ApplicationScoped
public class SecurityConfig {

    /** The parameters of the platform's PBKDF2 hash, shared by the identity store and new passwords. */
    public static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");
}
