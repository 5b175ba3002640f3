package uk.nhs.pharmacy.portal.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.UkTime;

import java.time.Instant;

/** One access under review; written by the campaign's start in one statement, then decided once. */
@Entity
@Table(name = "review_line")
@IdClass(ReviewLineId.class)
public class ReviewLine implements java.io.Serializable {

    @Id
    @Column(name = "campaign_id")
    private Long campaignId;

    @Id
    @Column(name = "delegation_id")
    private Long delegationId;

    @Column(name = "premises_id", nullable = false, updatable = false)
    private Long premisesId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReviewerKind reviewer;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "decided_by")
    private String decidedBy;

    /** Whose decision it was when someone decided in their place (an LOA for an owner who had not). */
    @Column(name = "decided_for")
    private String decidedFor;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    protected ReviewLine() {
    }

    void decide(Decision chosen, String reason, String by, String forWhom, Instant at) {
        if (decision != null) {
            throw RuleViolation.because("refusal.review.alreadyDecided", decidedBy, UkTime.words(UkTime.dateOf(decidedAt)));
        }
        decision = chosen;
        decisionReason = reason;
        decidedBy = by;
        decidedFor = forWhom;
        decidedAt = at;
    }

    public boolean isPending() {
        return decision == null;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Long getDelegationId() {
        return delegationId;
    }

    public Long getPremisesId() {
        return premisesId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public ReviewerKind getReviewer() {
        return reviewer;
    }

    public Decision getDecision() {
        return decision;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getDecidedFor() {
        return decidedFor;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public long getVersion() {
        return version;
    }
}
