package uk.nhs.pharmacy.portal.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.UkTime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A deputy for an LOA on leave: from the start of the first day to the end of the last (UK time), or
 * until ended early, the deputy acts as an LOA in the delegated part of the absent LOA's scope: all
 * of it when {@link #getScopeOrganisationIds()} is empty.
 */
@Entity
@Table(name = "deputy_appointment")
public class DeputyAppointment implements java.io.Serializable {

    /** The one rule for "running now", for JPQL over alias {@code a} with parameter {@code :now}. */
    public static final String LIVE = "a.endedAt is null and a.startsAt <= :now and a.endsAt > :now";

    /** The longest leave one appointment may cover; a longer absence is a new LOA appointment. */
    public static final int MAX_DAYS = 183;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "deputy_appointment_ids")
    @TableGenerator(name = "deputy_appointment_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "deputy_appointment", allocationSize = 10)
    private Long id;

    @Column(name = "absent_username", nullable = false, updatable = false)
    private String absentUsername;

    @Column(name = "deputy_username", nullable = false, updatable = false)
    private String deputyUsername;

    @Column(name = "starts_at", nullable = false, updatable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false, updatable = false)
    private Instant endsAt;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "appointed_by", nullable = false, updatable = false)
    private String appointedBy;

    @Column(name = "appointed_at", nullable = false, updatable = false)
    private Instant appointedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by")
    private String endedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "deputy_appointment_scope", joinColumns = @JoinColumn(name = "appointment_id"))
    @Column(name = "organisation_id")
    private Set<Long> scopeOrganisationIds = new HashSet<>();

    @Version
    private long version;

    protected DeputyAppointment() {
    }

    /** Refuses a deputy who is the absent LOA, a period that ends before it starts or runs too long. */
    public DeputyAppointment(String absentUsername, String deputyUsername, LocalDate firstDay, LocalDate lastDay,
                             Set<Long> scopeOrganisationIds, String reason, String appointedBy, Instant now) {
        this.absentUsername = Objects.requireNonNull(absentUsername);
        this.deputyUsername = Objects.requireNonNull(deputyUsername);
        if (absentUsername.equals(deputyUsername)) {
            throw RuleViolation.because("refusal.deputy.notYourself");
        }
        if (firstDay == null || lastDay == null || lastDay.isBefore(firstDay)) {
            throw RuleViolation.because("refusal.deputy.period");
        }
        if (firstDay.plusDays(MAX_DAYS).isBefore(lastDay)) {
            throw RuleViolation.because("refusal.deputy.tooLong", MAX_DAYS);
        }
        if (!UkTime.endOf(lastDay).isAfter(now)) {
            throw RuleViolation.because("refusal.deputy.inThePast");
        }
        this.startsAt = UkTime.startOf(firstDay);
        this.endsAt = UkTime.endOf(lastDay);
        this.scopeOrganisationIds = new HashSet<>(scopeOrganisationIds);
        this.reason = Objects.requireNonNull(reason);
        this.appointedBy = Objects.requireNonNull(appointedBy);
        this.appointedAt = now;
    }

    public boolean isLiveAt(Instant now) {
        return endedAt == null && !startsAt.isAfter(now) && endsAt.isAfter(now);
    }

    /** Over: ended early, or past its last day. */
    public boolean isOverAt(Instant now) {
        return endedAt != null || !endsAt.isAfter(now);
    }

    /** Ends it now (or, before it has started, cancels it). */
    public void end(String by, Instant now) {
        if (isOverAt(now)) {
            throw RuleViolation.because("refusal.deputy.alreadyOver", id);
        }
        endedAt = now;
        endedBy = by;
    }

    public boolean coversAllOfTheScope() {
        return scopeOrganisationIds.isEmpty();
    }

    public Long getId() {
        return id;
    }

    public String getAbsentUsername() {
        return absentUsername;
    }

    public String getDeputyUsername() {
        return deputyUsername;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public LocalDate getFirstDay() {
        return UkTime.dateOf(startsAt);
    }

    public LocalDate getLastDay() {
        return UkTime.lastDayOf(endsAt);
    }

    public String getReason() {
        return reason;
    }

    public String getAppointedBy() {
        return appointedBy;
    }

    public Instant getAppointedAt() {
        return appointedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getEndedBy() {
        return endedBy;
    }

    public Set<Long> getScopeOrganisationIds() {
        return Set.copyOf(scopeOrganisationIds);
    }

    public long getVersion() {
        return version;
    }
}
