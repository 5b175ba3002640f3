package uk.nhs.pharmacy.portal.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A block of ids from {@code id_generator}, taken as the JPA table generators take theirs: add the
 * block's size to the row, then read its new value, the block's last id. Blocks taken this way and
 * the generators' own never overlap, so rows written in plain JDBC (a set-based batch, the national
 * data generator) and rows written through JPA can share a table.
 */
public final class IdBlock {

    private IdBlock() {
    }

    /** {@code [first, last]} of a block of {@code size} ids of {@code generator}. */
    public static long[] reserve(Connection connection, String generator, int size) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE id_generator SET next_value = next_value + ? WHERE name = ?")) {
            update.setInt(1, size);
            update.setString(2, generator);
            if (update.executeUpdate() != 1) {
                throw new SQLException("No id_generator row " + generator);
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT next_value FROM id_generator WHERE name = ?")) {
            select.setString(1, generator);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                long last = rs.getLong(1);
                return new long[]{last - size + 1, last};
            }
        }
    }
}
