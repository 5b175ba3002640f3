package uk.nhs.pharmacy.portal.demo;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import uk.nhs.pharmacy.portal.platform.DatabaseReady;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.platform.PortalDataSource;
import uk.nhs.pharmacy.portal.security.SecurityConfig;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.logging.Logger;

/** In demo mode, fills an empty database with the Greater Manchester demo and the demo users. */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());
    static final long SEED = 2017;

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "portal.demo", defaultValue = "auto")
    String demoSetting;

    @Inject
    @ConfigProperty(name = "db.url")
    String databaseUrl;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Clock clock;

    /** Before the features' start-up work and the scheduler, which find the data in place. */
    void load(@Observes @Priority(DatabaseReady.DATA) DatabaseReady ready) {
        if (!DemoMode.isOn(demoSetting, databaseUrl)) {
            LOG.info("Demo mode is off: no demo data or demo users are loaded");
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (isEmpty(connection, "organisation")) {
                long start = System.nanoTime();
                DemoDataset.Counts counts;
                int registrations;
                try (BulkWriter writer = new BulkWriter(connection, 500)) {
                    counts = new DemoDataset(writer, SEED, clock.instant()).loadGreaterManchester(GmPharmacyList.load());
                    writer.commit();
                    registrations = DemoOnboarding.load(connection, writer, clock.instant());
                }
                LOG.info(() -> registrations + " demo registration requests waiting in the national queue");
                LOG.info(() -> "Demo data loaded: " + counts + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
            if (isEmpty(connection, "portal_user")) {
                passwordHash.initialize(SecurityConfig.HASH_PARAMETERS);
                int users = DemoUsers.create(connection, passwordHash::generate);
                LOG.info(() -> users + " demo users created (password " + DemoUsers.PASSWORD + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the demo data", e);
        }
    }

    private static boolean isEmpty(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }
}
