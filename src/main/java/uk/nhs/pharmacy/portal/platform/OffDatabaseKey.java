package uk.nhs.pharmacy.portal.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A secret the database must not hold (so that someone who can read or write it cannot forge or
 * read what the secret protects): the configured one, from the secret store, or else one made once
 * in a file in the data directory (the embedded demo), with a warning saying so.
 */
public final class OffDatabaseKey {

    private static final Logger LOG = Logger.getLogger(OffDatabaseKey.class.getName());

    private OffDatabaseKey() {
    }

    public static String load(Optional<String> configured, String configKey, String dataDir, String fileName) {
        String secret = configured.filter(k -> !k.isBlank()).orElseGet(() -> fromFile(Path.of(dataDir, fileName), configKey));
        if (secret.length() < 32) {
            throw new IllegalStateException(configKey + " must be at least 32 characters");
        }
        return secret;
    }

    private static String fromFile(Path file, String configKey) {
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
            LOG.warning(configKey + " is not set: using the key in " + file + "; in production set it from the "
                    + "secret store (deploy/README.md)");
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the key file " + file, e);
        }
    }
}
