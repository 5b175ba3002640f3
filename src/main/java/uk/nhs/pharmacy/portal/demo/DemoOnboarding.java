package uk.nhs.pharmacy.portal.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Onboarding for the demo: some premises flagged as NUMSAS providers, and registration requests
 * waiting in the national queue for the premises that have no mailbox yet (a few NUMSAS first).
 */
final class DemoOnboarding {

    private DemoOnboarding() {
    }

    static int load(Connection connection, BulkWriter ids, Instant now) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("UPDATE organisation SET numsas = TRUE WHERE kind = 'PREMISES' AND MOD(id, 6) = 0");
        }
        List<Object[]> waiting = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT o.id, o.ods_code, o.name, o.address, o.postcode, o.area_id, o.numsas "
                     + "FROM organisation o WHERE o.kind = 'PREMISES' AND NOT EXISTS (SELECT 1 FROM shared_mailbox m "
                     + "WHERE m.premises_id = o.id) ORDER BY o.ods_code")) {
            while (rs.next() && waiting.size() < 12) {
                waiting.add(new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getBoolean(7)});
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO registration_request (id, trading_name, "
                + "owner_name, address, postcode, ods_code, telephone, current_email, received_at, submitted_by, premises_id, "
                + "area_id, numsas, state, live_ods, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'SUBMITTED',?,1)")) {
            int i = 0;
            for (Object[] p : waiting) {
                String ods = (String) p[1];
                insert.setLong(1, ids.nextId("registration_request"));
                insert.setString(2, (String) p[2]);
                insert.setString(3, "Owner of " + p[2]);
                insert.setString(4, p[3] == null ? "(address to follow)" : (String) p[3]);
                insert.setString(5, (String) p[4]);
                insert.setString(6, ods);
                insert.setString(7, String.format("0161 496 %04d", 100 + i));
                insert.setString(8, ods.toLowerCase(Locale.ROOT) + "@pharmacy.example.co.uk");
                insert.setTimestamp(9, Timestamp.from(now.minus(Duration.ofHours(20L * (i + 1)))));
                insert.setString(10, "national");
                insert.setLong(11, (Long) p[0]);
                insert.setLong(12, (Long) p[5]);
                insert.setBoolean(13, (Boolean) p[6]);
                insert.setString(14, ods);
                insert.addBatch();
                i++;
            }
            insert.executeBatch();
        }
        connection.commit();
        return waiting.size();
    }
}
