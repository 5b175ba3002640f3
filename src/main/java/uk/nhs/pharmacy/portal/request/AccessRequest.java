package uk.nhs.pharmacy.portal.request;

import uk.nhs.pharmacy.portal.platform.RuleViolation;
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
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.leaver.LeaverKind;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.Permission;
import uk.nhs.pharmacy.portal.organisation.Organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** An owner's request for an access change on one of their premises, and its decision. */
@Entity
@Table(name = "access_request")
public class AccessRequest implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "access_request_ids")
    @TableGenerator(name = "access_request_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "access_request", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RequestKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestState state = RequestState.SUBMITTED;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "premises_id", nullable = false, updatable = false)
    private Organisation premises;

    /** The person: an existing account, or (GRANT for a new person) set when approval creates it. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private PersonalAccount account;

    @Column(name = "new_first_name", updatable = false)
    private String newFirstName;

    @Column(name = "new_last_name", updatable = false)
    private String newLastName;

    @Enumerated(EnumType.STRING)
    @Column(name = "new_job_role", updatable = false)
    private JobRole newJobRole;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "delegation_id", updatable = false)
    private Delegation delegation;

    @Column(name = "full_access", nullable = false, updatable = false)
    private boolean fullAccess;

    @Column(name = "send_as", nullable = false, updatable = false)
    private boolean sendAs;

    @Column(name = "send_on_behalf", nullable = false, updatable = false)
    private boolean sendOnBehalf;

    @Column(name = "mailbox_owner", nullable = false, updatable = false)
    private boolean owner;

    @Column(name = "last_day", updatable = false)
    private LocalDate lastDay;

    @Enumerated(EnumType.STRING)
    @Column(name = "leaver_kind", updatable = false)
    private LeaverKind leaverKind;

    @Column(name = "effective_date", updatable = false)
    private LocalDate effectiveDate;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(length = 500)
    private String result;

    @Version
    private long version;

    protected AccessRequest() {
        // for JPA
    }

    private AccessRequest(RequestKind kind, Organisation premises, String reason, String requestedBy, Instant at) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.premises = Objects.requireNonNull(premises, "premises");
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.because("refusal.request.giveAReason");
        }
        this.reason = reason.strip();
        this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        this.requestedAt = Objects.requireNonNull(at, "requestedAt");
    }

    public static AccessRequest grantExisting(Organisation premises, PersonalAccount account, Set<Permission> permissions,
                                              boolean owner, LocalDate lastDay, String reason, String by, Instant at) {
        AccessRequest r = new AccessRequest(RequestKind.GRANT, premises, reason, by, at);
        r.account = Objects.requireNonNull(account, "account");
        r.setPermissions(permissions, owner);
        r.lastDay = lastDay;
        return r;
    }

    public static AccessRequest grantNewPerson(Organisation premises, String firstName, String lastName, JobRole jobRole,
                                               Set<Permission> permissions, boolean owner, LocalDate lastDay, String reason,
                                               String by, Instant at) {
        if (firstName == null || firstName.isBlank() || lastName == null || lastName.isBlank()) {
            throw RuleViolation.because("refusal.request.giveTheNewName");
        }
        AccessRequest r = new AccessRequest(RequestKind.GRANT, premises, reason, by, at);
        r.newFirstName = firstName.strip();
        r.newLastName = lastName.strip();
        r.newJobRole = Objects.requireNonNull(jobRole, "jobRole");
        r.setPermissions(permissions, owner);
        r.lastDay = lastDay;
        return r;
    }

    public static AccessRequest change(Delegation delegation, Set<Permission> permissions, boolean owner, LocalDate lastDay,
                                       String reason, String by, Instant at) {
        AccessRequest r = new AccessRequest(RequestKind.CHANGE, delegation.getMailbox().getPremises(), reason, by, at);
        r.delegation = delegation;
        r.account = delegation.getAccount();
        r.setPermissions(permissions, owner);
        r.lastDay = lastDay;
        return r;
    }

    public static AccessRequest revoke(Delegation delegation, String reason, String by, Instant at) {
        AccessRequest r = new AccessRequest(RequestKind.REVOKE, delegation.getMailbox().getPremises(), reason, by, at);
        r.delegation = delegation;
        r.account = delegation.getAccount();
        return r;
    }

    public static AccessRequest leaver(Organisation premises, PersonalAccount account, LeaverKind leaverKind,
                                       LocalDate effectiveDate, String reason, String by, Instant at) {
        AccessRequest r = new AccessRequest(RequestKind.LEAVER, premises, reason, by, at);
        r.account = Objects.requireNonNull(account, "account");
        r.leaverKind = Objects.requireNonNull(leaverKind, "leaverKind");
        r.effectiveDate = effectiveDate;
        return r;
    }

    private void setPermissions(Set<Permission> permissions, boolean newOwner) {
        if (permissions == null || permissions.isEmpty()) {
            throw RuleViolation.because("refusal.delegation.noPermission");
        }
        if (newOwner && !permissions.contains(Permission.FULL_ACCESS)) {
            throw RuleViolation.because("refusal.delegation.ownerNeedsFullAccess");
        }
        fullAccess = permissions.contains(Permission.FULL_ACCESS);
        sendAs = permissions.contains(Permission.SEND_AS);
        sendOnBehalf = permissions.contains(Permission.SEND_ON_BEHALF);
        owner = newOwner;
    }

    void decide(RequestState outcome, String by, Instant at, String why, String resultText) {
        if (state != RequestState.SUBMITTED) {
            throw RuleViolation.because("refusal.request.alreadyDecided", id, state);
        }
        state = outcome;
        decidedBy = by;
        decidedAt = at;
        decisionReason = why;
        result = resultText == null || resultText.length() <= 500 ? resultText : resultText.substring(0, 500);
    }

    void personCreated(PersonalAccount created) {
        this.account = created;
    }

    public Set<Permission> getPermissions() {
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        if (fullAccess) set.add(Permission.FULL_ACCESS);
        if (sendAs) set.add(Permission.SEND_AS);
        if (sendOnBehalf) set.add(Permission.SEND_ON_BEHALF);
        return set;
    }

    public boolean isForNewPerson() {
        return kind == RequestKind.GRANT && newLastName != null;
    }

    /** Who the request is about, as a person would read it. */
    public String subjectName() {
        if (account != null) {
            return account.getAddress().value();
        }
        return newFirstName + " " + newLastName + " (new " + newJobRole + ")";
    }

    public Long getId() { return id; }
    public RequestKind getKind() { return kind; }
    public RequestState getState() { return state; }
    public Organisation getPremises() { return premises; }
    public PersonalAccount getAccount() { return account; }
    public String getNewFirstName() { return newFirstName; }
    public String getNewLastName() { return newLastName; }
    public JobRole getNewJobRole() { return newJobRole; }
    public Delegation getDelegation() { return delegation; }
    public boolean isOwner() { return owner; }
    public LocalDate getLastDay() { return lastDay; }
    public LeaverKind getLeaverKind() { return leaverKind; }
    public LocalDate getEffectiveDate() { return effectiveDate; }
    public String getReason() { return reason; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionReason() { return decisionReason; }
    public String getResult() { return result; }
    public long getVersion() { return version; }
}
