package uk.nhs.pharmacy.portal.hr;

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

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A bearer token an HR system presents to the SCIM endpoint: a name, the organisations whose people
 * it may see and change, and the hash of its secret. Revoked is final; a rotation gives a new secret
 * and keeps the previous one working for {@link #CHANGE_OVER}.
 */
@Entity
@Table(name = "hr_token")
public class HrToken implements java.io.Serializable {

    /** How long the previous secret still works after a rotation. */
    public static final Duration CHANGE_OVER = Duration.ofHours(24);

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "hr_token_ids")
    @TableGenerator(name = "hr_token_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "hr_token", allocationSize = 10)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(name = "previous_hash")
    private String previousHash;

    @Column(name = "previous_until")
    private Instant previousUntil;

    @Column(name = "issued_by", nullable = false, updatable = false)
    private String issuedBy;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "hr_token_scope", joinColumns = @JoinColumn(name = "token_id"))
    @Column(name = "organisation_id")
    private Set<Long> organisationIds = new HashSet<>();

    @Version
    private long version;

    protected HrToken() {
        // for JPA
    }

    HrToken(String name, Set<Long> organisationIds, String secretHash, String issuedBy, Instant now) {
        if (name == null || name.isBlank()) {
            throw RuleViolation.because("refusal.hr.tokenNeedsName");
        }
        if (organisationIds == null || organisationIds.isEmpty()) {
            throw RuleViolation.because("refusal.hr.tokenNeedsScope");
        }
        this.name = name.strip();
        this.organisationIds = new HashSet<>(organisationIds);
        this.secretHash = Objects.requireNonNull(secretHash);
        this.issuedBy = issuedBy;
        this.issuedAt = now;
    }

    void rotate(String newSecretHash, Instant now) {
        requireLive();
        this.previousHash = secretHash;
        this.previousUntil = now.plus(CHANGE_OVER);
        this.secretHash = newSecretHash;
        this.rotatedAt = now;
    }

    void revoke(String by, Instant now) {
        requireLive();
        this.revokedBy = by;
        this.revokedAt = now;
        this.previousHash = null;
        this.previousUntil = null;
    }

    private void requireLive() {
        if (revokedAt != null) {
            throw RuleViolation.because("refusal.hr.tokenRevoked", name);
        }
    }

    /** Whether a secret with this hash opens this token now: the current one, or the previous during the change-over. */
    boolean opens(String hash, Instant now) {
        if (revokedAt != null) {
            return false;
        }
        return secretHash.equals(hash) || (hash.equals(previousHash) && previousUntil != null && now.isBefore(previousUntil));
    }

    void used(Instant now) {
        this.lastUsedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<Long> getOrganisationIds() {
        return Set.copyOf(organisationIds);
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getRotatedAt() {
        return rotatedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
