package uk.nhs.pharmacy.portal.demo;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.platform.DatabaseMigrator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo builder against a real (in-memory H2) database migrated by the real migrations. */
class DemoDatasetTest {

    private JdbcDataSource dataSource;

    @BeforeEach
    void migrate() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        DatabaseMigrator.applyMigrations(dataSource);
    }

    @Test
    void growsAGreaterManchesterAUserWouldBelieve() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DemoDataset.Counts counts;
            try (BulkWriter writer = new BulkWriter(c, 200)) {
                counts = new DemoDataset(writer, 2017, Instant.parse("2026-11-23T10:00:00Z"))
                        .loadGreaterManchester(GmPharmacyList.load());
            }
            assertThat(counts.premises).isEqualTo(631);
            assertThat(count(c, "select count(*) from organisation where kind = 'PREMISES'")).isEqualTo(631);
            long active = count(c, "select count(*) from shared_mailbox where status = 'ACTIVE'");
            assertThat(active).isBetween(520L, 600L);
            assertThat(count(c, "select count(*) from shared_mailbox where status = 'LEGACY_NON_CONFORMING'")).isBetween(15L, 70L);
            assertThat(count(c, "select count(*) from organisation o where kind = 'PREMISES' and not exists "
                    + "(select 1 from shared_mailbox m where m.premises_id = o.id)")).isBetween(10L, 60L);
            // Conforming mailboxes are named by the convention.
            assertThat(count(c, "select count(*) from shared_mailbox m join organisation o on o.id = m.premises_id "
                    + "where m.status = 'ACTIVE' and m.address <> concat('pharmacy.', lower(o.ods_code), '@nhs.net')")).isZero();
            // Most active mailboxes have 2 to 8 live people.
            long inRange = count(c, "select count(*) from shared_mailbox m where m.status = 'ACTIVE' and "
                    + "(select count(*) from delegation d where d.mailbox_id = m.id and d.revoked_at is null) between 2 and 8");
            assertThat(inRange).isGreaterThan(active * 8 / 10);
            // Some locums hold access at several branches.
            assertThat(count(c, "select count(*) from (select d.account_id from delegation d join personal_account a "
                    + "on a.id = d.account_id where a.job_role = 'LOCUM_PHARMACIST' group by d.account_id "
                    + "having count(distinct d.mailbox_id) >= 3) x")).isGreaterThan(20);
            // Every delegation's grant is in the audit trail.
            assertThat(count(c, "select count(*) from delegation d where not exists (select 1 from audit_event e "
                    + "where e.target_type = 'DELEGATION' and e.target_id = d.id and e.action = 'DELEGATION_GRANTED')")).isZero();
            // The id_generator moved past every id written, so JPA never reuses one.
            assertThat(count(c, "select count(*) from delegation where id > (select next_value from id_generator "
                    + "where name = 'delegation')")).isZero();

            int users = DemoUsers.create(c, password -> "hash-of-" + password.length);
            assertThat(users).isEqualTo(DemoUsers.PEOPLE.size());
            assertThat(count(c, "select count(*) from user_scope s join portal_user u on u.id = s.user_id "
                    + "join organisation o on o.id = s.organisation_id where u.username = 'owner.cohens' "
                    + "and o.kind = 'CONTRACTOR' and o.name = 'Cohens Chemist'")).isEqualTo(1);
            assertThat(count(c, "select count(*) from portal_user where account_id is null")).isZero();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
