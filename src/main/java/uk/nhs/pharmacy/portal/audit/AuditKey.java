package uk.nhs.pharmacy.portal.audit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The key each audit row's MAC is made with. It must live off the database, so that someone who can
 * write to the database cannot write a row that verifies: {@code portal.audit.key} (from the secret
 * store; every member of a cluster needs the same), or, where none is configured, a key the portal
 * makes once in its data directory (the embedded demo), with a warning.
 */
@ApplicationScoped
public class AuditKey {

    private static final Logger LOG = Logger.getLogger(AuditKey.class.getName());

    @Inject
    @ConfigProperty(name = "portal.audit.key")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "portal.data.dir")
    String dataDir;

    private SecretKeySpec key;

    @PostConstruct
    void load() {
        String secret = configured.filter(k -> !k.isBlank()).orElseGet(this::fromDataDirectory);
        if (secret.length() < 32) {
            throw new IllegalStateException("portal.audit.key must be at least 32 characters");
        }
        key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private String fromDataDirectory() {
        Path file = Path.of(dataDir, "audit.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, HexFormat.of().formatHex(random));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the file system keeps no such permissions
                }
            }
            LOG.warning("portal.audit.key is not set: audit rows are signed with the key in " + file
                    + "; in production set PORTAL_AUDIT_KEY from the secret store (deploy/README.md)");
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the audit key in " + file, e);
        }
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
