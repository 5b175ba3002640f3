package uk.nhs.pharmacy.portal.mailbox;

import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.account.PersonalAccount;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One personal account's access to one shared mailbox. Never deleted: a revoke closes it and
 * the row stays as history; a later grant is a new row.
 */
@Entity
@Table(name = "delegation")
public class Delegation implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "delegation_ids")
    @TableGenerator(name = "delegation_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "delegation", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "mailbox_id", nullable = false, updatable = false)
    private SharedMailbox mailbox;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private PersonalAccount account;

    @Column(name = "full_access", nullable = false)
    private boolean fullAccess;

    @Column(name = "send_as", nullable = false)
    private boolean sendAs;

    @Column(name = "send_on_behalf", nullable = false)
    private boolean sendOnBehalf;

    @Column(name = "mailbox_owner", nullable = false)
    private boolean owner;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "grant_reason", updatable = false)
    private String grantReason;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoke_reason")
    private String revokeReason;

    @Version
    private long version;

    protected Delegation() {
        // for JPA
    }

    private Delegation(SharedMailbox mailbox, PersonalAccount account, Set<Permission> permissions, boolean owner,
                       String grantedBy, Instant grantedAt, String reason, Instant expiresAt) {
        if (!mailbox.acceptsDelegations()) {
            throw RuleViolation.because("refusal.delegation.mailboxTakesNone", mailbox.getAddress(), mailbox.getStatus());
        }
        if (!account.mayReceiveAccess()) {
            throw RuleViolation.because("refusal.mailbox.isAndCannotBe", account.getAddress(), account.getStatus());
        }
        this.mailbox = mailbox;
        this.account = account;
        this.grantedBy = requireText(grantedBy, "grantedBy");
        this.grantedAt = Objects.requireNonNull(grantedAt, "grantedAt");
        this.grantReason = reason;
        setPermissions(permissions, owner);
        extendTo(expiresAt);
    }

    public static Delegation grant(SharedMailbox mailbox, PersonalAccount account, Set<Permission> permissions,
                                   boolean owner, String grantedBy, Instant now, String reason, Instant expiresAt) {
        return new Delegation(mailbox, account, permissions, owner, grantedBy, now, reason, expiresAt);
    }

    public void changePermissions(Set<Permission> permissions, boolean newOwner) {
        requireLive();
        setPermissions(permissions, newOwner);
    }

    private void setPermissions(Set<Permission> permissions, boolean newOwner) {
        if (permissions == null || permissions.isEmpty()) {
            throw RuleViolation.because("refusal.delegation.noPermission");
        }
        if (newOwner && !permissions.contains(Permission.FULL_ACCESS)) {
            throw RuleViolation.because("refusal.delegation.ownerNeedsFullAccess");
        }
        this.fullAccess = permissions.contains(Permission.FULL_ACCESS);
        this.sendAs = permissions.contains(Permission.SEND_AS);
        this.sendOnBehalf = permissions.contains(Permission.SEND_ON_BEHALF);
        this.owner = newOwner;
    }

    /** Sets or clears (null) the expiry; an expiry must lie after the grant. */
    public void extendTo(Instant newExpiry) {
        requireLive();
        if (newExpiry != null && !newExpiry.isAfter(grantedAt)) {
            throw RuleViolation.because("refusal.delegation.endsBeforeGrant", UkTime.words(UkTime.dateOf(grantedAt)));
        }
        this.expiresAt = newExpiry;
    }

    public void revoke(String by, Instant at, String reason) {
        requireLive();
        String validBy = requireText(by, "revokedBy");
        String validReason = requireText(reason, "A revoke needs a reason:");
        this.revokedAt = Objects.requireNonNull(at, "revokedAt");
        this.revokedBy = validBy;
        this.revokeReason = validReason;
    }

    private void requireLive() {
        if (revokedAt != null) {
            throw RuleViolation.because("refusal.mailbox.thisAccessWasAlready", UkTime.words(UkTime.dateOf(revokedAt)));
        }
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.because("refusal.common.required", what);
        }
        return value.strip();
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /**
     * {@link #isLiveAt} as a JPQL condition on a delegation alias {@code d}, with the instant as the
     * parameter {@code :now}: the one form every query of live access uses.
     */
    /** Why the expiry sweep revoked access: the last day set when it was granted had passed. */
    public static final String EXPIRED_REASON = "Access expired after its last day";

    /**
     * Names, after a delegation table's alias in native SQL, the index a mailbox's live access is read
     * through (mailbox, revoked_at, expires_at, mailbox_owner): H2 otherwise picks the foreign key's index
     * on the mailbox alone and reads every revoked row of the mailbox's history (600 rows for one live
     * count after a benchmark run). The index holds every column {@link #liveSql} and the owner and
     * ending counts read, so a query that counts with {@code COUNT(d.mailbox_id)} rather than the id
     * never reads the table (V19). MySQL reads the same hint.
     */
    public static final String BY_MAILBOX_INDEX = "USE INDEX (ix_delegation_mailbox_live) ";

    public static final String LIVE = "d.revokedAt is null and (d.expiresAt is null or d.expiresAt > :now)";

    /**
     * {@link #isLiveAt} as a native SQL condition on a delegation table alias, with the instant as the
     * given parameter (e.g. {@code liveSql("d", "?2")}).
     */
    public static String liveSql(String alias, String nowParameter) {
        return alias + ".revoked_at IS NULL AND (" + alias + ".expires_at IS NULL OR " + alias + ".expires_at > " + nowParameter + ")";
    }

    /** Live: not revoked and not past its expiry. */
    public boolean isLiveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public Set<Permission> getPermissions() {
        return permissionsOf(fullAccess, sendAs, sendOnBehalf);
    }

    /** The permissions the three columns hold. */
    static Set<Permission> permissionsOf(boolean fullAccess, boolean sendAs, boolean sendOnBehalf) {
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        if (fullAccess) set.add(Permission.FULL_ACCESS);
        if (sendAs) set.add(Permission.SEND_AS);
        if (sendOnBehalf) set.add(Permission.SEND_ON_BEHALF);
        return set;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public SharedMailbox getMailbox() {
        return mailbox;
    }

    public PersonalAccount getAccount() {
        return account;
    }

    public boolean isOwner() {
        return owner;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public String getGrantReason() {
        return grantReason;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** The last day of time-limited access (it ends at the end of that day in England); null for none. */
    public java.time.LocalDate getLastDay() {
        return uk.nhs.pharmacy.portal.platform.UkTime.lastDayOf(expiresAt);
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokeReason() {
        return revokeReason;
    }

    /** A short description for the audit trail. */
    public String describe() {
        return describe(account.getAddress(), mailbox.getAddress(), getPermissions(), owner, expiresAt);
    }

    /** An access in the audit trail's words: who, where, what, owner, and the last day if it has one. */
    static String describe(MailAddress accountAddress, MailAddress mailboxAddress, Set<Permission> permissions, boolean owner,
                           Instant expiresAt) {
        return accountAddress + " on " + mailboxAddress + " " + permissions + (owner ? " owner" : "")
                + (expiresAt != null ? ", last day " + UkTime.words(UkTime.lastDayOf(expiresAt)) : "");
    }
}
