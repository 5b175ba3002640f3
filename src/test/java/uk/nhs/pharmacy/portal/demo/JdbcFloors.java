package uk.nhs.pharmacy.portal.demo;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The national benchmark's plain-JDBC floors, and its seed of expired grants. Run by
 * {@code src/test/bench/run.sh} through {@code mvn -Pbench-jdbc} while the portal is stopped (an
 * embedded H2 file has one process at a time), on the same database the portal then runs on.
 * <ul>
 *   <li>{@code floors FILE}: what a contractor leaver of a locum with 20 grants writes (case, 20
 *   revokes, 22 audit rows, 20 outbox rows, step, one transaction), and 11,500 registration rows
 *   in batches of 500 per transaction; medians in milliseconds, written to FILE as JSON.</li>
 *   <li>also in {@code floors}: one grant or revoke as the API's grant-then-revoke makes it, in the
 *   statements its rules need (the caller with their scope, the premises, its mailbox and the person
 *   or the access with its parties, the live counts, the row, its audit row and its outbox row), each
 *   call its own transaction; the median of a call in milliseconds.</li>
 *   <li>{@code expired N}: adds N live grants whose expiry has passed, for the expiry sweep.</li>
 *   <li>{@code sweep N FILE}: the expiry sweep's floor: adds N expired grants, then revokes every
 *   expired grant as a set-based sweep must, 500 per transaction (their ids; the grants with their
 *   mailbox, premises and person; one UPDATE; the audit rows and the outbox rows in a batch each);
 *   the time and the count, to FILE as JSON.</li>
 * </ul>
 * Not a test: it measures, and asserts only that the statements did what they should.
 */
public final class JdbcFloors {

    private static final String CHAIN = "National Pharmacy Chain";
    private static final int LEAVER_RUNS = 9;
    private static final int LEAVER_WARMUP = 30;
    private static final int REGISTRATION_RUNS = 3;
    private static final int REGISTRATION_ROWS = 11_500;
    private static final int REGISTRATION_BATCH = 500;
    private static final int GRANT_PAIRS = 400;
    private static final int GRANT_WARMUP = 400;

    private final Connection connection;
    private final String stamp = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    private final BulkWriter ids;

    private JdbcFloors(Connection connection) throws SQLException {
        this.connection = connection;
        this.ids = new BulkWriter(connection, 500);
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("gen.db.url");
        DataSource dataSource = NationalScaleGenerator.dataSource(url, System.getProperty("gen.db.user"),
                System.getProperty("gen.db.password"));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            JdbcFloors floors = new JdbcFloors(connection);
            switch (args[0]) {
                case "floors" -> {
                    Chain chain = floors.chain();
                    double leaver = floors.leaverFloorMs(chain);
                    double registration = floors.registrationFloorMs();
                    double grantRevoke = floors.grantRevokeFloorMs(chain);
                    String json = String.format(Locale.ROOT, "{\"leaver_ms\": %.2f, \"registration_ms\": %.1f, "
                                    + "\"grant_revoke_call_ms\": %.3f, "
                                    + "\"chain_ods\": \"%s\", \"chain_premises\": [%s]}%n", leaver, registration, grantRevoke,
                            chain.odsCode(), String.join(", ", chain.premisesOds().stream().map(c -> "\"" + c + "\"").toList()));
                    Files.writeString(Path.of(args[1]), json);
                    System.out.print(json);
                }
                case "expired" -> System.out.println(floors.seedExpired(Integer.parseInt(args[1])) + " expired grants added");
                case "sweep" -> {
                    floors.seedExpired(Integer.parseInt(args[1]));
                    long start = System.nanoTime();
                    int revoked = floors.sweepFloor();
                    String json = String.format(Locale.ROOT, "{\"sweep_ms\": %.0f, \"sweep_revoked\": %d}%n",
                            (System.nanoTime() - start) / 1e6, revoked);
                    Files.writeString(Path.of(args[2]), json);
                    System.out.print(json);
                }
                default -> throw new IllegalArgumentException("floors FILE | expired N | sweep N FILE");
            }
        }
    }

    // ---------------------------------------------------------------- leaver of a contractor, 20 grants

    /** The 2,000-premises chain, and 20 of its premises with an active mailbox. */
    private record Chain(long id, String odsCode, List<long[]> mailboxes, List<String> premisesOds) {
    }

    private Chain chain() throws SQLException {
        long contractor = single("SELECT id FROM organisation WHERE kind = 'CONTRACTOR' AND name = '" + CHAIN + "'");
        String odsCode;
        try (PreparedStatement select = connection.prepareStatement("SELECT ods_code FROM organisation WHERE id = ?")) {
            select.setLong(1, contractor);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                odsCode = rs.getString(1);
            }
        }
        List<long[]> mailboxes = new ArrayList<>(); // mailbox id, premises id
        List<String> premisesOds = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT m.id, o.id, o.ods_code FROM shared_mailbox m "
                + "JOIN organisation o ON o.id = m.premises_id WHERE o.parent_id = ? AND m.status = 'ACTIVE' ORDER BY m.id")) {
            select.setLong(1, contractor);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next() && mailboxes.size() < 20) {
                    mailboxes.add(new long[]{rs.getLong(1), rs.getLong(2)});
                    premisesOds.add(rs.getString(3));
                }
            }
        }
        if (mailboxes.size() < 20) {
            throw new IllegalStateException("the chain has only " + mailboxes.size() + " active mailboxes");
        }
        return new Chain(contractor, odsCode, mailboxes, premisesOds);
    }

    private double leaverFloorMs(Chain chain) throws SQLException {
        long contractor = chain.id();
        List<long[]> mailboxes = chain.mailboxes();
        double[] ms = new double[LEAVER_RUNS];
        for (int run = 0; run < LEAVER_RUNS + LEAVER_WARMUP; run++) { // the first ones warm the JIT up
            long account = locumWithGrants(run, mailboxes);
            long start = System.nanoTime();
            int revoked = leaver(account, contractor);
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (revoked != 20) {
                throw new IllegalStateException("the floor revoked " + revoked + " grants, not 20");
            }
            if (run >= LEAVER_WARMUP) {
                ms[run - LEAVER_WARMUP] = elapsed;
            }
        }
        return median(ms);
    }

    private long locumWithGrants(int run, List<long[]> mailboxes) throws SQLException {
        Instant now = Instant.now();
        try (BulkWriter writer = new BulkWriter(connection, 500)) {
            long account = writer.account("floor.locum" + stamp + run + "@nhs.net", "Floor", "Locum" + stamp + run,
                    "LOCUM_PHARMACIST", "ACTIVE", mailboxes.get(0)[1], false, null);
            for (long[] mailbox : mailboxes) {
                writer.delegation(mailbox[0], account, true, false, false, false, "bench", now, "Benchmark floor",
                        null, null, null, null);
            }
            writer.commit();
            return account;
        }
    }

    /** The rows a contractor leaver writes, in one transaction. Returns how many grants it revoked. */
    private int leaver(long account, long contractor) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        long caseId = nextId("leaver_case");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO leaver_case (id, account_id, kind, "
                + "scope_org_id, effective_at, state, reason, opened_by, opened_at, version) VALUES (?,?,?,?,?,?,?,?,?,1)")) {
            insert.setLong(1, caseId);
            insert.setLong(2, account);
            insert.setString(3, "LEAVES_CONTRACTOR");
            insert.setLong(4, contractor);
            insert.setTimestamp(5, now);
            insert.setString(6, "CLOSED");
            insert.setString(7, "Benchmark floor");
            insert.setString(8, "bench");
            insert.setTimestamp(9, now);
            insert.executeUpdate();
        }
        List<Object[]> grants = new ArrayList<>(); // id, version, mailbox id, mailbox address, premises id, account address
        // The person's unrevoked grants, kept where the premises belongs to the contractor. (With the
        // contractor in the WHERE clause, H2 joins through the 2,000 premises of the chain instead.)
        try (PreparedStatement select = connection.prepareStatement("SELECT d.id, d.version, m.id, m.address, o.id, a.address, "
                + "o.parent_id FROM delegation d JOIN shared_mailbox m ON m.id = d.mailbox_id "
                + "JOIN organisation o ON o.id = m.premises_id JOIN personal_account a ON a.id = d.account_id "
                + "WHERE d.account_id = ? AND d.revoked_at IS NULL")) {
            select.setLong(1, account);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(7) != contractor) {
                        continue;
                    }
                    grants.add(new Object[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6)});
                }
            }
        }
        try (PreparedStatement revoke = connection.prepareStatement("UPDATE delegation SET revoked_by = ?, revoked_at = ?, "
                + "revoke_reason = ?, version = version + 1 WHERE id = ? AND version = ?");
             PreparedStatement audit = connection.prepareStatement("INSERT INTO audit_event (id, occurred_at, actor, action, "
                     + "target_type, target_id, target_label, organisation_id, before_state, after_state, reason) "
                     + "VALUES (?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement outbox = connection.prepareStatement("INSERT INTO provisioning_event (id, mailbox_id, "
                     + "mailbox_address, account_address, kind, rights, state, created_at, created_by, attempts, version) "
                     + "VALUES (?,?,?,?,'ACCESS_REVOKED','','PENDING',?,?,0,1)")) {
            addAudit(audit, now, "LEAVER_CASE_OPENED", "LEAVER_CASE", caseId, null, contractor, "opened");
            for (Object[] grant : grants) {
                revoke.setString(1, "bench");
                revoke.setTimestamp(2, now);
                revoke.setString(3, "Leaver case #" + caseId);
                revoke.setLong(4, (Long) grant[0]);
                revoke.setLong(5, (Long) grant[1]);
                revoke.addBatch();
                addAudit(audit, now, "DELEGATION_REVOKED", "DELEGATION", (Long) grant[0], (String) grant[5],
                        (Long) grant[4], "revoked");
                outbox.setLong(1, nextId("provisioning_event"));
                outbox.setLong(2, (Long) grant[2]);
                outbox.setString(3, (String) grant[3]);
                outbox.setString(4, (String) grant[5]);
                outbox.setTimestamp(5, now);
                outbox.setString(6, "bench");
                outbox.addBatch();
            }
            addAudit(audit, now, "LEAVER_CASE_RUN", "LEAVER_CASE", caseId, null, contractor, grants.size() + " revoked");
            int updated = Arrays.stream(revoke.executeBatch()).map(n -> n == PreparedStatement.SUCCESS_NO_INFO ? 1 : n).sum();
            audit.executeBatch();
            outbox.executeBatch();
            if (updated != grants.size()) {
                throw new IllegalStateException(updated + " of " + grants.size() + " revokes applied");
            }
        }
        try (PreparedStatement step = connection.prepareStatement("INSERT INTO leaver_step (id, case_id, step_no, kind, "
                + "state, detail, done_by, done_at, version) VALUES (?,?,1,'REVOKE_ACCESS','DONE',?,?,?,1)")) {
            step.setLong(1, nextId("leaver_step"));
            step.setLong(2, caseId);
            step.setString(3, grants.size() + " revoked");
            step.setString(4, "bench");
            step.setTimestamp(5, now);
            step.executeUpdate();
        }
        connection.commit();
        return grants.size();
    }

    private void addAudit(PreparedStatement audit, Timestamp now, String action, String targetType, long targetId,
                          String label, long organisation, String after) throws SQLException {
        audit.setLong(1, nextId("audit_event"));
        audit.setTimestamp(2, now);
        audit.setString(3, "bench");
        audit.setString(4, action);
        audit.setString(5, targetType);
        audit.setLong(6, targetId);
        audit.setString(7, label);
        audit.setLong(8, organisation);
        audit.setString(9, null);
        audit.setString(10, after);
        audit.setString(11, "Benchmark floor");
        audit.addBatch();
    }

    // ---------------------------------------------------------------- one grant, one revoke

    /** The median of one call (a grant or a revoke, each its own transaction), in milliseconds. */
    private double grantRevokeFloorMs(Chain chain) throws SQLException {
        String user = first("SELECT username FROM portal_user WHERE role = 'NATIONAL_ADMIN' ORDER BY id");
        String person = "floor.grant" + stamp + "@nhs.net";
        try (BulkWriter writer = new BulkWriter(connection, 10)) {
            writer.account(person, "Floor", "Grant" + stamp, "LOCUM_PHARMACIST", "ACTIVE", chain.mailboxes().get(0)[1], false, null);
            writer.commit();
        }
        double[] ms = new double[GRANT_PAIRS * 2];
        for (int run = 0; run < GRANT_PAIRS + GRANT_WARMUP; run++) {
            String ods = chain.premisesOds().get(run % 10);
            long start = System.nanoTime();
            long delegation = grant(user, ods, person);
            long granted = System.nanoTime();
            revoke(user, delegation);
            long revoked = System.nanoTime();
            if (run >= GRANT_WARMUP) {
                ms[(run - GRANT_WARMUP) * 2] = (granted - start) / 1e6;
                ms[(run - GRANT_WARMUP) * 2 + 1] = (revoked - granted) / 1e6;
            }
        }
        return median(ms);
    }

    private long grant(String user, String ods, String person) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        caller(user);
        long premises;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, kind, area_id, parent_id FROM organisation WHERE ods_code = ?")) {
            select.setString(1, ods);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                premises = rs.getLong(1);
            }
        }
        long mailbox;
        String mailboxAddress;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, address, status FROM shared_mailbox WHERE premises_id = ? AND status <> 'CLOSED'")) {
            select.setLong(1, premises);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                mailbox = rs.getLong(1);
                mailboxAddress = rs.getString(2);
            }
        }
        long account;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, status, leaver_since FROM personal_account WHERE address = ?")) {
            select.setString(1, person);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                account = rs.getLong(1);
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT mailbox_owner, COUNT(*), "
                + "SUM(CASE WHEN account_id = ? THEN 1 ELSE 0 END) FROM delegation WHERE mailbox_id = ? "
                + "AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?) GROUP BY mailbox_owner")) {
            select.setLong(1, account);
            select.setLong(2, mailbox);
            select.setTimestamp(3, now);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(3) > 0) {
                        throw new IllegalStateException(person + " already has access at " + ods);
                    }
                }
            }
        }
        long id = nextId("delegation");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO delegation (id, mailbox_id, account_id, "
                + "full_access, send_as, send_on_behalf, mailbox_owner, granted_by, granted_at, grant_reason, version) "
                + "VALUES (?,?,?,TRUE,FALSE,FALSE,FALSE,?,?,?,1)")) {
            insert.setLong(1, id);
            insert.setLong(2, mailbox);
            insert.setLong(3, account);
            insert.setString(4, user);
            insert.setTimestamp(5, now);
            insert.setString(6, "Benchmark floor");
            insert.executeUpdate();
        }
        auditAndOutbox(now, "DELEGATION_GRANTED", id, person, premises, mailbox, mailboxAddress, "ACCESS_GRANTED", "FULL_ACCESS");
        connection.commit();
        return id;
    }

    private void revoke(String user, long delegation) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        caller(user);
        long version;
        long mailbox;
        String mailboxAddress;
        long premises;
        String person;
        try (PreparedStatement select = connection.prepareStatement("SELECT d.version, m.id, m.address, o.id, o.area_id, "
                + "o.parent_id, a.address FROM delegation d JOIN shared_mailbox m ON m.id = d.mailbox_id "
                + "JOIN organisation o ON o.id = m.premises_id JOIN personal_account a ON a.id = d.account_id WHERE d.id = ?")) {
            select.setLong(1, delegation);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                version = rs.getLong(1);
                mailbox = rs.getLong(2);
                mailboxAddress = rs.getString(3);
                premises = rs.getLong(4);
                person = rs.getString(7);
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT mailbox_owner, COUNT(*) FROM delegation "
                + "WHERE mailbox_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?) GROUP BY mailbox_owner")) {
            select.setLong(1, mailbox);
            select.setTimestamp(2, now);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(2);
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE delegation SET revoked_by = ?, revoked_at = ?, "
                + "revoke_reason = ?, version = version + 1 WHERE id = ? AND version = ?")) {
            update.setString(1, user);
            update.setTimestamp(2, now);
            update.setString(3, "Benchmark floor");
            update.setLong(4, delegation);
            update.setLong(5, version);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("the floor's revoke of " + delegation + " changed nothing");
            }
        }
        auditAndOutbox(now, "DELEGATION_REVOKED", delegation, person, premises, mailbox, mailboxAddress, "ACCESS_REVOKED", "");
        connection.commit();
    }

    /** The caller and their scope, as every signed-in call reads them. */
    private void caller(String user) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT u.id, u.role, u.enabled, u.account_id, "
                + "s.organisation_id FROM portal_user u LEFT JOIN user_scope s ON s.user_id = u.id WHERE u.username = ?")) {
            select.setString(1, user);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no user " + user);
                }
            }
        }
    }

    private void auditAndOutbox(Timestamp now, String action, long delegation, String person, long premises, long mailbox,
                                String mailboxAddress, String kind, String rights) throws SQLException {
        try (PreparedStatement audit = connection.prepareStatement("INSERT INTO audit_event (id, occurred_at, actor, action, "
                + "target_type, target_id, target_label, organisation_id, before_state, after_state, reason) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement outbox = connection.prepareStatement("INSERT INTO provisioning_event (id, mailbox_id, "
                     + "mailbox_address, account_address, kind, rights, state, created_at, created_by, attempts, version) "
                     + "VALUES (?,?,?,?,?,?,'PENDING',?,?,0,1)")) {
            addAudit(audit, now, action, "DELEGATION", delegation, person, premises, action.toLowerCase(Locale.ROOT));
            audit.executeBatch();
            outbox.setLong(1, nextId("provisioning_event"));
            outbox.setLong(2, mailbox);
            outbox.setString(3, mailboxAddress);
            outbox.setString(4, person);
            outbox.setString(5, kind);
            outbox.setString(6, rights);
            outbox.setTimestamp(7, now);
            outbox.setString(8, "bench");
            outbox.executeUpdate();
        }
    }

    private String first(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("nothing from " + sql);
            }
            return rs.getString(1);
        }
    }

    // ---------------------------------------------------------------- registration rows, 500 per transaction

    private double registrationFloorMs() throws SQLException {
        double[] ms = new double[REGISTRATION_RUNS];
        for (int run = 0; run < REGISTRATION_RUNS + 1; run++) { // the first warms up
            String prefix = "Q" + run;
            long start = System.nanoTime();
            insertRegistrations(prefix);
            double elapsed = (System.nanoTime() - start) / 1e6;
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM registration_request WHERE submitted_by = ?")) {
                delete.setString(1, "bench-floor-" + stamp);
                if (delete.executeUpdate() != REGISTRATION_ROWS) {
                    throw new IllegalStateException("the registration floor did not store " + REGISTRATION_ROWS + " rows");
                }
            }
            connection.commit();
            if (run >= 1) {
                ms[run - 1] = elapsed;
            }
        }
        return median(ms);
    }

    private void insertRegistrations(String prefix) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO registration_request (id, trading_name, "
                + "owner_name, address, postcode, ods_code, telephone, current_email, received_at, submitted_by, numsas, "
                + "row_no, state, live_ods, version) VALUES (?,?,?,?,?,?,?,?,?,?,FALSE,?,'SUBMITTED',?,1)")) {
            for (int row = 0; row < REGISTRATION_ROWS; row++) {
                String ods = String.format(Locale.ROOT, "%s%06d", prefix, row);
                insert.setLong(1, nextId("registration_request"));
                insert.setString(2, "Pharmacy " + row);
                insert.setString(3, "Owner " + row + " Ltd");
                insert.setString(4, row + " High Street, Town");
                insert.setString(5, "M1 1AE");
                insert.setString(6, ods);
                insert.setString(7, String.format(Locale.ROOT, "0161 496 %04d", row % 10_000));
                insert.setString(8, "p" + row + "@pharmacy.example.co.uk");
                insert.setTimestamp(9, now);
                insert.setString(10, "bench-floor-" + stamp);
                insert.setInt(11, row + 2);
                insert.setString(12, ods);
                insert.addBatch();
                if ((row + 1) % REGISTRATION_BATCH == 0 || row == REGISTRATION_ROWS - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
    }

    // ---------------------------------------------------------------- expired grants for the sweep

    private int seedExpired(int count) throws SQLException {
        List<Long> mailboxes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM shared_mailbox WHERE status = 'ACTIVE' ORDER BY id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                mailboxes.add(rs.getLong(1));
            }
        }
        List<Long> accounts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM personal_account WHERE status = 'ACTIVE' ORDER BY id")) {
            select.setMaxRows(count);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    accounts.add(rs.getLong(1));
                }
            }
        }
        Instant now = Instant.now();
        try (BulkWriter writer = new BulkWriter(connection, 1000)) {
            for (int i = 0; i < count; i++) {
                Instant granted = now.minus(Duration.ofDays(40));
                writer.delegation(mailboxes.get(i % mailboxes.size()), accounts.get(i % accounts.size()), true, false, false,
                        false, "bench", granted, "Benchmark: expired access", now.minus(Duration.ofMinutes(1 + i % 1000)),
                        null, null, null);
                if ((i + 1) % 10_000 == 0) {
                    writer.commit();
                }
            }
            writer.commit();
        }
        return count;
    }

    /** Revokes every expired grant, set-based, 500 per transaction; returns how many. */
    private int sweepFloor() throws SQLException {
        int revoked = 0;
        while (true) {
            Timestamp now = Timestamp.from(Instant.now());
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM delegation WHERE expires_at "
                    + "BETWEEN ? AND ? AND revoked_at IS NULL ORDER BY expires_at, id")) {
                select.setTimestamp(1, Timestamp.from(Instant.EPOCH));
                select.setTimestamp(2, now);
                select.setMaxRows(500);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                connection.commit();
                return revoked;
            }
            String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
            List<Object[]> due = new ArrayList<>(); // id, mailbox id, mailbox address, premises id, account address
            try (PreparedStatement select = connection.prepareStatement("SELECT d.id, m.id, m.address, o.id, a.address, "
                    + "d.expires_at, d.full_access, d.mailbox_owner FROM delegation d JOIN shared_mailbox m ON m.id = d.mailbox_id "
                    + "JOIN organisation o ON o.id = m.premises_id JOIN personal_account a ON a.id = d.account_id "
                    + "WHERE d.id IN (" + in + ") AND d.revoked_at IS NULL AND d.expires_at <= ? ORDER BY d.id")) {
                for (int i = 0; i < ids.size(); i++) {
                    select.setLong(i + 1, ids.get(i));
                }
                select.setTimestamp(ids.size() + 1, now);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Object[]{rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5)});
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE delegation SET revoked_at = ?, revoked_by = ?, "
                    + "revoke_reason = ?, version = version + 1 WHERE id IN (" + in + ") AND revoked_at IS NULL")) {
                update.setTimestamp(1, now);
                update.setString(2, "system:expiry-sweep");
                update.setString(3, "Benchmark floor");
                for (int i = 0; i < ids.size(); i++) {
                    update.setLong(i + 4, ids.get(i));
                }
                if (update.executeUpdate() != due.size()) {
                    throw new IllegalStateException("the sweep floor revoked a different number of grants than it read");
                }
            }
            long auditId = uk.nhs.pharmacy.portal.platform.IdBlock.reserve(connection, "audit_event", due.size())[0];
            long eventId = uk.nhs.pharmacy.portal.platform.IdBlock.reserve(connection, "provisioning_event", due.size())[0];
            try (PreparedStatement audit = connection.prepareStatement("INSERT INTO audit_event (id, occurred_at, actor, action, "
                    + "target_type, target_id, target_label, organisation_id, before_state, after_state, reason, mac) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement outbox = connection.prepareStatement("INSERT INTO provisioning_event (id, mailbox_id, "
                         + "mailbox_address, account_address, kind, rights, state, created_at, created_by, attempts, version) "
                         + "VALUES (?,?,?,?,'ACCESS_REVOKED','','PENDING',?,?,0,1)")) {
                for (Object[] grant : due) {
                    audit.setLong(1, auditId++);
                    audit.setTimestamp(2, now);
                    audit.setString(3, "system:expiry-sweep");
                    audit.setString(4, "DELEGATION_EXPIRED");
                    audit.setString(5, "DELEGATION");
                    audit.setLong(6, (Long) grant[0]);
                    audit.setString(7, (String) grant[4]);
                    audit.setLong(8, (Long) grant[3]);
                    audit.setString(9, grant[4] + " on " + grant[2] + " [FULL_ACCESS]");
                    audit.setString(10, "revoked");
                    audit.setString(11, "Benchmark floor");
                    audit.setString(12, "0".repeat(64));
                    audit.addBatch();
                    outbox.setLong(1, eventId++);
                    outbox.setLong(2, (Long) grant[1]);
                    outbox.setString(3, (String) grant[2]);
                    outbox.setString(4, (String) grant[4]);
                    outbox.setTimestamp(5, now);
                    outbox.setString(6, "system:expiry-sweep");
                    outbox.addBatch();
                }
                audit.executeBatch();
                outbox.executeBatch();
            }
            connection.commit();
            revoked += due.size();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Ids from id_generator in blocks, as the portal's table generators take them (BulkWriter's reservation). */
    private long nextId(String generator) throws SQLException {
        return ids.nextId(generator);
    }

    private long single(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("nothing from " + sql);
            }
            return rs.getLong(1);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
