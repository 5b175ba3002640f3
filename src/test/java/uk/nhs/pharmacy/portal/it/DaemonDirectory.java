package uk.nhs.pharmacy.portal.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;

/**
 * A working folder for a test daemon that drops root for its own user (Dovecot runs mail
 * processes as {@code dovecot}, Postfix as {@code postfix}). It lives under the system's temporary
 * folder, never under the clone: a clone in a private folder (mode 700, as {@code mktemp -d} makes)
 * cannot be traversed by those users, and the daemon then fails to open its own lock and data files.
 */
final class DaemonDirectory {

    private DaemonDirectory() {
    }

    /** A fresh, empty folder named for the daemon, traversable by every user (mode 755). */
    static Path fresh(String daemon) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "portal-it-" + daemon + "-" + ProcessHandle.current().pid());
        delete(dir);
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    /** Removes a daemon's folder after it stopped; null or already gone is fine. */
    static void deleteQuietly(Path dir) {
        try {
            if (dir != null) {
                delete(dir);
            }
        } catch (IOException ignored) {
            // a temporary folder; the next start replaces it
        }
    }

    static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
