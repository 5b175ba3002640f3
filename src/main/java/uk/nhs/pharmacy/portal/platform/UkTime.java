package uk.nhs.pharmacy.portal.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as people in England mean them: a date starts at midnight UK time, and access with a last
 * day ends at the end of that day. The one place where a day becomes an instant and back.
 */
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

    /** How a day is shown to people, everywhere: "Fri 11 Dec 2026". */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    /** The instant access whose last day is {@code lastDay} ends: the end of that day in England. */
    public static Instant endOf(LocalDate lastDay) {
        return lastDay == null ? null : startOf(lastDay.plusDays(1));
    }

    /** A day in words, "Fri 11 Dec 2026"; empty for none. */
    public static String words(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** The last day of access that ends at {@code expiresAt}: access ends at the end of its last day. */
    public static LocalDate lastDayOf(Instant expiresAt) {
        return expiresAt == null ? null : dateOf(expiresAt.minusNanos(1));
    }
}
