package uk.nhs.pharmacy.portal.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates as people in England mean them: a date starts at midnight UK time. */
public final class UkTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private UkTime() {
    }

    public static Instant startOf(LocalDate date) {
        return date == null ? null : date.atStartOfDay(ZONE).toInstant();
    }

    public static LocalDate dateOf(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toLocalDate();
    }

    /** Today in England. */
    public static LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The last day of access that ends at {@code expiresAt}: access ends at the end of its last day. */
    public static LocalDate lastDayOf(Instant expiresAt) {
        return expiresAt == null ? null : dateOf(expiresAt.minusNanos(1));
    }
}
