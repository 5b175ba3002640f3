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

    /**
     * The first id of a block reserved on a connection of its own (a gap left by a rollback is
     * harmless), for rows written in a JDBC batch on {@link #transactionsConnection}.
     */
    public static long reserveFirst(javax.sql.DataSource dataSource, String generator, int size) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return reserve(connection, generator, size)[0];
        }
    }

    /**
     * The caller's transaction's own connection (JPA's), for set-based rows that must commit or roll
     * back with the change; not to be closed. In the running portal's expiry sweep a connection taken
     * from the data source was in autocommit, outside the sweep's transaction, and its rows committed
     * on their own (2026-12-04).
     */
    public static Connection transactionsConnection(jakarta.persistence.EntityManager em) {
        return em.unwrap(Connection.class);
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
