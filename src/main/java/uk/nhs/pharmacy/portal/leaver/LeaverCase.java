package uk.nhs.pharmacy.portal.leaver;

import uk.nhs.pharmacy.portal.platform.RuleViolation;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One person leaving: a premises, a contractor, or the NHS, from an effective time that is now or
 * later. The steps record what was done; the case closes only when no step is waiting.
 */
@Entity
@Table(name = "leaver_case")
public class LeaverCase implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "leaver_case_ids")
    @TableGenerator(name = "leaver_case_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "leaver_case", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private PersonalAccount account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private LeaverKind kind;

    /** The premises or contractor left; for a leaver of the NHS, the account's home organisation. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "scope_org_id", nullable = false, updatable = false)
    private Organisation scopeOrganisation;

    @Column(name = "effective_at", nullable = false, updatable = false)
    private Instant effectiveAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseState state;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @OneToMany(mappedBy = "leaverCase", cascade = CascadeType.PERSIST)
    @OrderBy("stepNo")
    private List<LeaverStep> steps = new ArrayList<>();

    @Version
    private long version;

    protected LeaverCase() {
        // for JPA
    }

    private LeaverCase(PersonalAccount account, LeaverKind kind, Organisation scopeOrganisation, Instant effectiveAt,
                       String reason, String openedBy, Instant openedAt) {
        this.account = Objects.requireNonNull(account, "account");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.scopeOrganisation = Objects.requireNonNull(scopeOrganisation, "scopeOrganisation");
        this.effectiveAt = Objects.requireNonNull(effectiveAt, "effectiveAt");
        this.openedBy = Objects.requireNonNull(openedBy, "openedBy");
        this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.because("refusal.leaver.aLeaverCaseNeeds");
        }
        this.reason = reason.strip();
        this.state = CaseState.SCHEDULED;
    }

    /**
     * Opens a case. The organisation must match the kind: a premises for a premises leaver, a
     * contractor for a contractor leaver; a leaver of the NHS is scoped by the account's home.
     * An effective time in the past means now.
     */
    public static LeaverCase open(PersonalAccount account, LeaverKind kind, Organisation left, Instant effectiveAt,
                                  String reason, String openedBy, Instant now) {
        Organisation scope = switch (kind) {
            case LEAVES_PREMISES -> requireKind(left, OrganisationKind.PREMISES);
            case LEAVES_CONTRACTOR -> requireKind(left, OrganisationKind.CONTRACTOR);
            case LEAVES_NHS -> account.getHomeOrganisation();
        };
        Instant effective = effectiveAt == null || effectiveAt.isBefore(now) ? now : effectiveAt;
        return new LeaverCase(account, kind, scope, effective, reason, openedBy, now);
    }

    private static Organisation requireKind(Organisation organisation, OrganisationKind kind) {
        if (organisation == null) {
            throw RuleViolation.because("refusal.leaver.sayWhichOrganisation");
        }
        if (organisation.getKind() != kind) {
            throw RuleViolation.because(kind == OrganisationKind.PREMISES ? "refusal.leaver.isNotPremises"
                    : "refusal.leaver.isNotContractor", organisation.getOdsCode());
        }
        return organisation;
    }

    public boolean isDueAt(Instant now) {
        return state == CaseState.SCHEDULED && !effectiveAt.isAfter(now);
    }

    /** Adds a step that is already done. */
    LeaverStep record(StepKind stepKind, String detail, String by, Instant at) {
        LeaverStep step = await(stepKind, null, detail);
        step.complete(StepState.DONE, by, at, null);
        return step;
    }

    /** Adds a step that waits for a person. */
    LeaverStep await(StepKind stepKind, SharedMailbox mailbox, String detail) {
        LeaverStep step = new LeaverStep(this, steps.size() + 1, stepKind, mailbox, detail);
        steps.add(step);
        return step;
    }

    /** After the steps that ran: closes if nothing waits, else waits for a successor. */
    void settle(String by, Instant at) {
        if (steps.stream().anyMatch(LeaverStep::isWaiting)) {
            state = CaseState.AWAITING_SUCCESSOR;
        } else {
            record(StepKind.CLOSE, "Case closed", by, at);
            state = CaseState.CLOSED;
            closedAt = at;
        }
    }

    void cancel(Instant at) {
        if (state != CaseState.SCHEDULED) {
            throw RuleViolation.because("refusal.leaver.onlyScheduledCancels", state);
        }
        state = CaseState.CANCELLED;
        closedAt = at;
    }

    public Long getId() { return id; }
    public PersonalAccount getAccount() { return account; }
    public LeaverKind getKind() { return kind; }
    public Organisation getScopeOrganisation() { return scopeOrganisation; }
    public Instant getEffectiveAt() { return effectiveAt; }
    public CaseState getState() { return state; }
    public String getReason() { return reason; }
    public String getOpenedBy() { return openedBy; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getClosedAt() { return closedAt; }
    public List<LeaverStep> getSteps() { return Collections.unmodifiableList(steps); }
    public long getVersion() { return version; }
}
