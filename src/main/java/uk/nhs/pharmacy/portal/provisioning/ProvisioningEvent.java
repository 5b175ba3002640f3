package uk.nhs.pharmacy.portal.provisioning;

import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.NotFound;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/** One change the mail platform must make: give, change or take away someone's rights on a mailbox. */
@Entity
@Table(name = "provisioning_event")
public class ProvisioningEvent implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "provisioning_ids")
    @TableGenerator(name = "provisioning_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "provisioning_event", allocationSize = 50)
    private Long id;

    @Column(name = "mailbox_id", nullable = false, updatable = false)
    private long mailboxId;

    @Column(name = "mailbox_address", nullable = false, updatable = false)
    private String mailboxAddress;

    @Column(name = "account_address", updatable = false)
    private String accountAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ProvisioningKind kind;

    /** The rights the person should hold afterwards, e.g. "FULL_ACCESS,SEND_AS,OWNER"; empty when revoked. */
    @Column(updatable = false)
    private String rights;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProvisioningState state = ProvisioningState.PENDING;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "applied_at")
    private Instant appliedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Version
    private long version;

    protected ProvisioningEvent() {
        // for JPA
    }

    ProvisioningEvent(long mailboxId, String mailboxAddress, String accountAddress, ProvisioningKind kind,
                      String rights, Instant createdAt, String createdBy) {
        this.mailboxId = mailboxId;
        this.mailboxAddress = Objects.requireNonNull(mailboxAddress);
        this.accountAddress = accountAddress;
        this.kind = Objects.requireNonNull(kind);
        this.rights = rights;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    /** Done on the platform (doing it again changes nothing: the platform is set to the rights held). */
    void applied(Instant at) {
        state = ProvisioningState.APPLIED;
        appliedAt = at;
        attempts++;
        lastError = null;
    }

    /** A failed try: again after a doubling backoff, or dead-lettered (FAILED) after {@code maxAttempts}. */
    void failed(String error, Instant at, java.time.Duration firstBackoff, int maxAttempts) {
        attempts++;
        lastError = error == null ? "unknown error" : (error.length() > 1000 ? error.substring(0, 1000) : error);
        if (attempts >= maxAttempts) {
            state = ProvisioningState.FAILED;
        } else {
            nextAttemptAt = at.plus(firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 12)));
        }
    }

    /** An LOA sends a dead-lettered event again. */
    void retry(Instant at) {
        if (state != ProvisioningState.FAILED) {
            throw RuleViolation.because("refusal.provisioning.onlyFailedRetries", state);
        }
        state = ProvisioningState.PENDING;
        attempts = 0;
        nextAttemptAt = at;
    }

    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Long getId() { return id; }
    public long getMailboxId() { return mailboxId; }
    public String getMailboxAddress() { return mailboxAddress; }
    public String getAccountAddress() { return accountAddress; }
    public ProvisioningKind getKind() { return kind; }
    public String getRights() { return rights; }
    public ProvisioningState getState() { return state; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getAppliedAt() { return appliedAt; }
    public int getAttempts() { return attempts; }
    public String getLastError() { return lastError; }
}
