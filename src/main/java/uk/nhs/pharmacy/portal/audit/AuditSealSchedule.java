package uk.nhs.pharmacy.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.platform.PeriodicWork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Logger;

/**
 * Seals committed audit events every {@code portal.audit.seal.seconds} (default 2), and once a day
 * writes the chain's head to a file off the database ({@code portal.audit.headDir}) and to the log,
 * where a rewrite of the whole chain cannot reach it.
 */
@ApplicationScoped
public class AuditSealSchedule implements PeriodicWork {

    private static final Logger LOG = Logger.getLogger(AuditSealSchedule.class.getName());
    private static final String SEAL = "audit-seal";

    @Inject
    AuditSeal seal;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portal.audit.seal.seconds", defaultValue = "2")
    int everySeconds;

    /** Where the daily heads go; by default audit-heads in the data directory. Keep it off the database's host. */
    @Inject
    @ConfigProperty(name = "portal.audit.headDir")
    java.util.Optional<String> headDir;

    @Inject
    @ConfigProperty(name = "portal.data.dir")
    String dataDir;

    @Override
    public String name() {
        return SEAL;
    }

    @Override
    public Duration every() {
        return Duration.ofSeconds(Math.max(1, everySeconds));
    }

    @Override
    public void run() {
        sealAll();
    }

    /**
     * Seals what has committed, in more than one link only where a backlog is bigger than a link (a
     * few at most), so a busy minute does not fall behind; under a steady load a run is one link,
     * whatever commits while it works waits for the next run.
     */
    public int sealAll() {
        int sealed = 0;
        for (int batch = 0; batch < 20; batch++) {
            AuditSeal.Sealed now = seal.sealCommitted();
            sealed += now.events();
            if (!now.more()) {
                break;
            }
        }
        return sealed;
    }

    /** Writes today's head: "seal_no event_id hash", one file a day. */
    public Path exportHead() {
        sealAll();
        AuditSeal.Head head = seal.head();
        String line = head.sealNo() + " " + head.eventId() + " " + head.hash();
        LOG.info("Audit trail head " + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ": " + line);
        try {
            Path dir = headDir.filter(d -> !d.isBlank()).map(Path::of).orElse(Path.of(dataDir, "audit-heads"));
            Files.createDirectories(dir);
            Path file = dir.resolve("audit-head-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".txt");
            Files.writeString(file, line + "\n");
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
