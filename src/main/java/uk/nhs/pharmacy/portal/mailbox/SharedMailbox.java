package uk.nhs.pharmacy.portal.mailbox;

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
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.organisation.Organisation;

import java.time.Instant;
import java.util.Objects;

/**
 * A premises-specific shared mailbox. It has no password and no login of its own; people reach
 * it through delegations to their personal accounts. A conforming mailbox is named
 * {@code pharmacy.<odscode>@nhs.net}; a legacy one keeps whatever address it had until converted.
 */
@Entity
@Table(name = "shared_mailbox")
public class SharedMailbox implements java.io.Serializable {

    /** NHSmail's limits per shared mailbox. */
    public static final int MAX_MEMBERS = 250;
    public static final int MAX_OWNERS = 100;
    /** NHSmail's terms expect at least this many live linked personal accounts. */
    public static final int MIN_LIVE_ACCOUNTS = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "mailbox_ids")
    @TableGenerator(name = "mailbox_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "shared_mailbox", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private MailAddress address;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "premises_id", nullable = false, updatable = false)
    private Organisation premises;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailboxStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected SharedMailbox() {
        // for JPA
    }

    private SharedMailbox(Organisation premises, MailAddress address, MailboxStatus status, Instant createdAt) {
        this.premises = requirePremises(premises);
        this.address = Objects.requireNonNull(address, "address");
        this.status = status;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.displayName = premises.getName() + " (" + premises.getOdsCode() + ")";
    }

    private static Organisation requirePremises(Organisation organisation) {
        if (!Objects.requireNonNull(organisation, "premises").isPremises()) {
            throw RuleViolation.because("refusal.mailbox.isNotAPharmacy", organisation.getOdsCode());
        }
        return organisation;
    }

    /** A new conforming mailbox, named by the convention. */
    public static SharedMailbox conforming(Organisation premises, Instant now) {
        requirePremises(premises);
        return new SharedMailbox(premises, MailAddress.forPremises(premises.getOdsCode()), MailboxStatus.ACTIVE, now);
    }

    /** A mailbox found in use that does not conform: a wrong name, or one people log into directly. */
    public static SharedMailbox legacy(Organisation premises, MailAddress existingAddress, Instant foundAt) {
        return new SharedMailbox(premises, existingAddress, MailboxStatus.LEGACY_NON_CONFORMING, foundAt);
    }

    public boolean isConvention() {
        return address.equals(MailAddress.forPremises(premises.getOdsCode()));
    }

    public boolean acceptsDelegations() {
        return status == MailboxStatus.ACTIVE || status == MailboxStatus.LEGACY_NON_CONFORMING;
    }

    /** A legacy mailbox that already has the conventional name is brought to the conforming model as it is. */
    public void conform() {
        if (status != MailboxStatus.LEGACY_NON_CONFORMING || !isConvention()) {
            throw RuleViolation.because("refusal.mailbox.onlyLegacyConforms", address, status);
        }
        this.status = MailboxStatus.ACTIVE;
    }

    public void close() {
        this.status = MailboxStatus.CLOSED;
    }

    public Long getId() {
        return id;
    }

    public MailAddress getAddress() {
        return address;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Organisation getPremises() {
        return premises;
    }

    public MailboxStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
