package uk.nhs.pharmacy.portal.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values read by native SQL, as the drivers hand them back. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A DATETIME(6) column, which holds UTC (see {@link InstantConverter}); null stays null. */
    public static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return null;
    }
}
