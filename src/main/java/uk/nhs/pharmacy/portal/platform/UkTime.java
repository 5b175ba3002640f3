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
}
