package uk.nhs.pharmacy.portal.platform;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Plain-JDBC rows for set-based writes: parameters bound in order, batches counted. */
public final class SqlRows {

    private SqlRows() {
    }

    /** Binds the values to parameters 1, 2, ...; a null is bound as a null of any type the driver accepts. */
    public static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    /** The rows a batch changed; a driver that cannot tell per statement counts as one each. */
    public static int count(int[] batch) {
        int rows = 0;
        for (int n : batch) {
            rows += n == PreparedStatement.SUCCESS_NO_INFO ? 1 : Math.max(n, 0);
        }
        return rows;
    }
}
