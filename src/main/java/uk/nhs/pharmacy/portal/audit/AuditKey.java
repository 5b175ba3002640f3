package uk.nhs.pharmacy.portal.audit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.platform.OffDatabaseKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key each audit row's MAC is made with. It must live off the database, so that someone who can
 * write to the database cannot write a row that verifies: {@code portal.audit.key} (from the secret
 * store; every member of a cluster needs the same), or, where none is configured, a key the portal
 * makes once in its data directory (the embedded demo), with a warning.
 */
@ApplicationScoped
public class AuditKey {

    @Inject
    @ConfigProperty(name = "portal.audit.key")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "portal.data.dir")
    String dataDir;

    private SecretKeySpec key;

    @PostConstruct
    void load() {
        String secret = OffDatabaseKey.load(configured, "portal.audit.key", dataDir, "audit.key");
        key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String mac(byte[] canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
