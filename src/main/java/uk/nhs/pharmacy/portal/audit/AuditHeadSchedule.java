package uk.nhs.pharmacy.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.platform.PeriodicWork;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Writes the audit trail's head once a day at 00:05 UTC, on one member ({@link AuditSealSchedule#exportHead}). */
@ApplicationScoped
public class AuditHeadSchedule implements PeriodicWork {

    private static final LocalTime AT = LocalTime.of(0, 5);

    @Inject
    AuditSealSchedule sealing;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "audit-head";
    }

    @Override
    public Duration every() {
        return Duration.ofDays(1);
    }

    @Override
    public Duration firstAfter() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        ZonedDateTime next = now.toLocalDate().atTime(AT).atZone(ZoneOffset.UTC);
        return Duration.between(now, next.isAfter(now) ? next : next.plusDays(1));
    }

    @Override
    public void run() {
        sealing.exportHead();
    }
}
