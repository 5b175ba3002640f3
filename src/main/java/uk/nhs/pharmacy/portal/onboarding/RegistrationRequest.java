package uk.nhs.pharmacy.portal.onboarding;

import uk.nhs.pharmacy.portal.platform.RuleViolation;
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
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Postcode;
import uk.nhs.pharmacy.portal.organisation.TelephoneNumber;

import java.time.Instant;
import java.util.Objects;

/**
 * A request for a premises' shared mailbox. {@code receivedAt} is evidence for the Quality Payments
 * gateway and never changes. At most one request per ODS code is open or approved at a time
 * ({@code liveOds}, unique); a rejected one frees the code for a new request.
 */
@Entity
@Table(name = "registration_request")
public class RegistrationRequest implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "registration_request_ids")
    @TableGenerator(name = "registration_request_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "registration_request", allocationSize = 500)
    private Long id;

    @Column(name = "trading_name", nullable = false, updatable = false)
    private String tradingName;

    @Column(name = "owner_name", nullable = false, updatable = false)
    private String ownerName;

    @Column(nullable = false, updatable = false)
    private String address;

    @Column(nullable = false, updatable = false)
    private Postcode postcode;

    @Column(name = "ods_code", nullable = false, updatable = false)
    private OdsCode odsCode;

    @Column(nullable = false, updatable = false)
    private String telephone;

    @Column(name = "current_email", nullable = false, updatable = false)
    private String currentEmail;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    private String submittedBy;

    @Column(name = "contractor_id", updatable = false)
    private Long contractorId;

    @Column(name = "premises_id")
    private Long premisesId;

    @Column(name = "area_id")
    private Long areaId;

    private boolean numsas;

    @Column(name = "upload_id", updatable = false)
    private Long uploadId;

    @Column(name = "row_no", updatable = false)
    private Integer rowNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegistrationState state = RegistrationState.SUBMITTED;

    @Column(name = "live_ods")
    private String liveOds;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "mailbox_id")
    private Long mailboxId;

    @Version
    private long version;

    protected RegistrationRequest() {
        // for JPA
    }

    public RegistrationRequest(RegistrationDetails details, String submittedBy, Instant receivedAt, Long contractorId) {
        this.tradingName = details.tradingName();
        this.ownerName = details.ownerName();
        this.address = details.address();
        this.postcode = details.postcode();
        this.odsCode = details.odsCode();
        this.telephone = details.telephone().value();
        this.currentEmail = details.currentEmail();
        this.submittedBy = Objects.requireNonNull(submittedBy, "submittedBy");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.contractorId = contractorId;
        this.liveOds = odsCode.value();
    }

    /** Which row of which upload this request came from; a row is stored at most once. */
    public RegistrationRequest fromUpload(long upload, int row) {
        this.uploadId = upload;
        this.rowNo = row;
        return this;
    }

    /** The premises the ODS code names, if it exists already, and the area it lies in. */
    public void place(Long existingPremisesId, Long area, boolean providesNumsas) {
        this.premisesId = existingPremisesId;
        this.areaId = area;
        this.numsas = providesNumsas;
    }

    public void approve(String by, Instant at, long premises, long mailbox) {
        requireOpen();
        this.state = RegistrationState.APPROVED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.premisesId = premises;
        this.mailboxId = mailbox;
    }

    public void reject(String by, Instant at, String reason) {
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.because("refusal.onboarding.rejectionNeedsReason");
        }
        this.state = RegistrationState.REJECTED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionReason = reason.strip();
        this.liveOds = null;
    }

    private void requireOpen() {
        if (state != RegistrationState.SUBMITTED) {
            throw RuleViolation.because("refusal.onboarding.requestForIsAlready", id, odsCode, state);
        }
    }

    public RegistrationDetails details() {
        return new RegistrationDetails(tradingName, ownerName, address, postcode, odsCode, TelephoneNumber.of(telephone),
                currentEmail);
    }

    public Long getId() { return id; }
    public String getTradingName() { return tradingName; }
    public String getOwnerName() { return ownerName; }
    public String getAddress() { return address; }
    public Postcode getPostcode() { return postcode; }
    public OdsCode getOdsCode() { return odsCode; }
    public String getTelephone() { return telephone; }
    public String getCurrentEmail() { return currentEmail; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getSubmittedBy() { return submittedBy; }
    public Long getContractorId() { return contractorId; }
    public Long getPremisesId() { return premisesId; }
    public Long getAreaId() { return areaId; }
    public boolean isNumsas() { return numsas; }
    public Long getUploadId() { return uploadId; }
    public Integer getRowNo() { return rowNo; }
    public RegistrationState getState() { return state; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionReason() { return decisionReason; }
    public Long getMailboxId() { return mailboxId; }
    public long getVersion() { return version; }
}
