package uk.nhs.pharmacy.portal.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.platform.OffDatabaseKey;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * TOTP secrets are kept sealed (AES-GCM) with a key off the database ({@code portal.mfa.key}, or a
 * key file in the data directory), so that reading the database does not give anyone the codes.
 * A secret written before sealing (or seeded in plain by the demo) is read as it is and sealed the
 * next time it is used.
 */
@ApplicationScoped
public class MfaSecrets {

    private static final String SEALED = "v1:";
    private static final int IV_BYTES = 12;

    @Inject
    @ConfigProperty(name = "portal.mfa.key")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "portal.data.dir")
    String dataDir;

    private SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @PostConstruct
    void load() {
        try {
            byte[] secret = OffDatabaseKey.load(configured, "portal.mfa.key", dataDir, "mfa.key").getBytes(StandardCharsets.UTF_8);
            key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(secret), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = aes.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return SEALED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String open(String stored) {
        if (stored == null || !stored.startsWith(SEALED)) {
            return stored;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, IV_BYTES));
            return new String(aes.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A TOTP secret cannot be opened: was portal.mfa.key changed?", e);
        }
    }

    public boolean isSealed(String stored) {
        return stored != null && stored.startsWith(SEALED);
    }
}
