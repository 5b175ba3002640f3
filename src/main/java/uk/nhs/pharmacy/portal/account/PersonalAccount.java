package uk.nhs.pharmacy.portal.account;

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
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import uk.nhs.pharmacy.portal.organisation.Organisation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A person's own NHSmail account; the only way to reach a shared mailbox. */
@Entity
@Table(name = "personal_account")
public class PersonalAccount implements java.io.Serializable {

    /** How long NHSmail keeps a leaver's account before it is disabled. */
    public static final Duration LEAVER_GRACE = Duration.ofDays(30);

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "account_ids")
    @TableGenerator(name = "account_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "personal_account", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private MailAddress address;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Enumerated(EnumType.STRING)
    @Column(name = "job_role", nullable = false)
    private JobRole jobRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStatus status = AccountStatus.ACTIVE;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "home_org_id", nullable = false)
    private Organisation homeOrganisation;

    @Column(name = "mobile_device", nullable = false)
    private boolean mobileDevice;

    @Column(name = "leaver_since")
    private Instant leaverSince;

    /** The HR system's own id for the person (SCIM externalId), if an HR system created or linked it. */
    @Column(name = "external_id")
    private String externalId;

    /** When the row last changed, through any channel: SCIM's meta.lastModified. */
    @Column(name = "last_modified")
    private Instant lastModified;

    /** When an HR system deleted the person over SCIM; the account stays (NHSmail keeps a leaver's account). */
    @Column(name = "hr_deleted_at")
    private Instant hrDeletedAt;

    @Version
    private long version;

    protected PersonalAccount() {
        // for JPA
    }

    public PersonalAccount(MailAddress address, String firstName, String lastName, JobRole jobRole,
                           Organisation homeOrganisation) {
        this.address = Objects.requireNonNull(address, "address");
        rename(firstName, lastName);
        changeJobRole(jobRole);
        moveHome(homeOrganisation);
    }

    // The time of the change itself, whichever channel made it: the injectable Clock is a CDI bean that
    // an entity listener cannot reach, and "changed since" only needs to agree with the database's order.
    @PrePersist
    @PreUpdate
    void touch() {
        this.lastModified = Instant.now();
    }

    public void linkExternalId(String id) {
        if (id != null && id.length() > 200) {
            throw RuleViolation.because("refusal.account.externalIdTooLong");
        }
        this.externalId = id == null || id.isBlank() ? null : id.strip();
    }

    /** An HR system deleted the person: SCIM no longer shows them; the leaver case did the rest. */
    public void markDeletedByHr(Instant at) {
        this.hrDeletedAt = Objects.requireNonNull(at);
    }

    /** An HR system creates the person again (a joiner): SCIM shows them again. */
    public void restoreForHr() {
        this.hrDeletedAt = null;
    }

    public void rename(String newFirstName, String newLastName) {
        if (newFirstName == null || newFirstName.isBlank() || newLastName == null || newLastName.isBlank()) {
            throw RuleViolation.because("refusal.account.needsNames");
        }
        this.firstName = newFirstName.strip();
        this.lastName = newLastName.strip();
    }

    public void changeJobRole(JobRole newJobRole) {
        this.jobRole = Objects.requireNonNull(newJobRole, "jobRole");
    }

    public void moveHome(Organisation organisation) {
        this.homeOrganisation = Objects.requireNonNull(organisation, "homeOrganisation");
    }

    public void registerMobileDevice(boolean registered) {
        this.mobileDevice = registered;
    }

    /** The person left the NHS: the account is kept as "Active (Leaver)" for 30 days. */
    public void markLeaver(Instant at) {
        if (status != AccountStatus.ACTIVE) {
            throw RuleViolation.because("refusal.leaver.isAlready", address, status);
        }
        this.status = AccountStatus.LEAVER;
        this.leaverSince = Objects.requireNonNull(at);
    }

    /** Another organisation accepted the leaver within the 30-day window. */
    public void acceptAsJoiner(Organisation newHome, Instant at) {
        if (status != AccountStatus.LEAVER) {
            throw RuleViolation.because("refusal.account.onlyLeaverJoins", address, status);
        }
        if (at.isAfter(leaverSince.plus(LEAVER_GRACE))) {
            throw RuleViolation.because("refusal.account.joinerWindowPassed", address);
        }
        moveHome(newHome);
        this.status = AccountStatus.ACTIVE;
        this.leaverSince = null;
    }

    public void disable() {
        this.status = AccountStatus.DISABLED;
    }

    /** Only an active account may be given access to a shared mailbox. */
    public boolean mayReceiveAccess() {
        return status == AccountStatus.ACTIVE;
    }

    public String displayName() {
        return firstName + " " + lastName;
    }

    public Long getId() {
        return id;
    }

    public MailAddress getAddress() {
        return address;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public JobRole getJobRole() {
        return jobRole;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public Organisation getHomeOrganisation() {
        return homeOrganisation;
    }

    public boolean hasMobileDevice() {
        return mobileDevice;
    }

    public Instant getLeaverSince() {
        return leaverSince;
    }

    public String getExternalId() {
        return externalId;
    }

    public Instant getLastModified() {
        return lastModified;
    }

    public boolean isDeletedByHr() {
        return hrDeletedAt != null;
    }

    /** The optimistic-locking version, which SCIM gives out as the resource's ETag. */
    public long getVersion() {
        return version;
    }
}
