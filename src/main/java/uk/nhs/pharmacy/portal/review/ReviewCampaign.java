package uk.nhs.pharmacy.portal.review;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import java.util.Set;

/** A review of who has access, over a scope, between a start day and a deadline (its last day). */
@Entity
@Table(name = "review_campaign")
public class ReviewCampaign implements java.io.Serializable {

    public static final int MAX_RECUR_MONTHS = 24;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "review_campaign_ids")
    @TableGenerator(name = "review_campaign_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "review_campaign", allocationSize = 10)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(nullable = false)
    private LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "at_deadline", nullable = false)
    private AtDeadline atDeadline;

    @Column(name = "recur_months")
    private Integer recurMonths;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignState state;

    @Column(name = "lines_total", nullable = false)
    private long linesTotal;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "previous_id")
    private Long previousId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_campaign_scope", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "organisation_id")
    private Set<Long> scopeOrganisationIds = new HashSet<>();

    @Version
    private long version;

    protected ReviewCampaign() {
    }

    public ReviewCampaign(String name, Set<Long> scope, LocalDate startsOn, LocalDate deadline, AtDeadline atDeadline,
                          Integer recurMonths, String createdBy, Instant createdAt, Long previousId) {
        if (scope.isEmpty()) {
            throw RuleViolation.because("refusal.review.noScope");
        }
        if (!deadline.isAfter(startsOn)) {
            throw RuleViolation.because("refusal.review.deadlineAfterStart", UkTime.words(startsOn));
        }
        if (recurMonths != null && (recurMonths < 1 || recurMonths > MAX_RECUR_MONTHS)) {
            throw RuleViolation.because("refusal.review.recurrence", MAX_RECUR_MONTHS);
        }
        this.name = name;
        this.scopeOrganisationIds = new HashSet<>(scope);
        this.startsOn = startsOn;
        this.deadline = deadline;
        this.atDeadline = atDeadline;
        this.recurMonths = recurMonths;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.previousId = previousId;
        this.state = CampaignState.SCHEDULED;
    }

    /** The next of a recurring campaign: the same scope and rule, its days moved on by the recurrence. */
    public ReviewCampaign next(Instant now) {
        if (recurMonths == null) {
            throw new IllegalStateException("campaign " + id + " does not recur");
        }
        return new ReviewCampaign(name, scopeOrganisationIds, startsOn.plusMonths(recurMonths), deadline.plusMonths(recurMonths),
                atDeadline, recurMonths, "system:review", now, id);
    }

    void started(long lines) {
        if (state != CampaignState.SCHEDULED) {
            throw new IllegalStateException("campaign " + id + " is " + state);
        }
        state = CampaignState.OPEN;
        linesTotal = lines;
    }

    void closed(Instant at) {
        if (state != CampaignState.OPEN) {
            throw new IllegalStateException("campaign " + id + " is " + state);
        }
        state = CampaignState.CLOSED;
        closedAt = at;
    }

    /** The instant the deadline day ends in England: decisions are taken until then. */
    public Instant deadlineEnds() {
        return UkTime.endOf(deadline);
    }

    public boolean isOpen() {
        return state == CampaignState.OPEN;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public AtDeadline getAtDeadline() {
        return atDeadline;
    }

    public Integer getRecurMonths() {
        return recurMonths;
    }

    public CampaignState getState() {
        return state;
    }

    public long getLinesTotal() {
        return linesTotal;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Long getPreviousId() {
        return previousId;
    }

    public Set<Long> getScopeOrganisationIds() {
        return Set.copyOf(scopeOrganisationIds);
    }

    public long getVersion() {
        return version;
    }

    public String describe() {
        return name + ", " + UkTime.words(startsOn) + " to " + UkTime.words(deadline) + ", unreviewed: " + atDeadline
                + (recurMonths == null ? "" : ", every " + recurMonths + " months");
    }
}
