package uk.nhs.pharmacy.portal.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238: HMAC-SHA1, 6 digits, 30 s
 * steps), with secrets in the Base32 the apps take.
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final String ISSUER = "NHSmail pharmacy portal";
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);

    private Totp() {
    }

    /** A new 160-bit secret, Base32 without padding. */
    public static String newSecret() {
        byte[] bytes = new byte[20];
        new SecureRandom().nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    /** The code for the step that holds {@code at}. */
    public static String code(String secret, Instant at) {
        try {
            SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret.toUpperCase(Locale.ROOT)), "HmacSHA1");
            return GENERATOR.generateOneTimePasswordString(key, at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("Not a usable TOTP secret", e);
        }
    }

    public static long step(Instant at) {
        return at.getEpochSecond() / STEP.getSeconds();
    }

    /** What an authenticator app scans: otpauth://totp/... */
    public static String uri(String username, String secret) {
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + URLEncoder.encode(ISSUER, StandardCharsets.UTF_8).replace("+", "%20") + "&algorithm=SHA1&digits=6&period=30";
    }
}
