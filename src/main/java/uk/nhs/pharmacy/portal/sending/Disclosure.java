package uk.nhs.pharmacy.portal.sending;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A contractor's trading disclosures, as its legal footer states them. Details may be saved
 * incomplete (an owner fills them in over time); {@link #missing} says what is still needed for the
 * legal form, and the footer is only ever made from complete details.
 */
@Entity
@Table(name = "disclosure_details")
public class Disclosure implements java.io.Serializable {

    @Id
    @Column(name = "contractor_id")
    private Long contractorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_form", nullable = false)
    private LegalForm legalForm;

    @Column(name = "registered_name")
    private String registeredName;

    @Column(name = "company_number")
    private String companyNumber;

    @Column(name = "place_of_registration")
    private String placeOfRegistration;

    @Column(name = "registered_office")
    private String registeredOffice;

    @Column(name = "owner_names")
    private String ownerNames;

    @Column(name = "service_address")
    private String serviceAddress;

    @Column(nullable = false)
    private boolean complete;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Disclosure() {
        // for JPA
    }

    Disclosure(long contractorId) {
        this.contractorId = contractorId;
        this.legalForm = LegalForm.COMPANY;
    }

    /** The details as typed: blanks are nothing, the company number is checked for format. */
    void change(DisclosureInput input, String by, Instant at) {
        this.legalForm = input.legalForm() == null ? LegalForm.COMPANY : input.legalForm();
        this.registeredName = text(input.registeredName());
        this.companyNumber = text(input.companyNumber()) == null ? null : CompanyNumber.of(input.companyNumber()).value();
        this.placeOfRegistration = text(input.placeOfRegistration());
        this.registeredOffice = text(input.registeredOffice());
        this.ownerNames = text(input.ownerNames());
        this.serviceAddress = text(input.serviceAddress());
        this.updatedBy = by;
        this.updatedAt = at;
        this.complete = missing().isEmpty();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The bundle keys of what the legal form needs and the details lack; empty when complete. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (legalForm == LegalForm.COMPANY) {
            need(missing, registeredName, "disclosure.registeredName");
            need(missing, companyNumber, "disclosure.companyNumber");
            need(missing, placeOfRegistration, "disclosure.placeOfRegistration");
            need(missing, registeredOffice, "disclosure.registeredOffice");
        } else {
            need(missing, ownerNames, "disclosure.ownerNames");
            need(missing, serviceAddress, "disclosure.serviceAddress");
        }
        return missing;
    }

    private static void need(List<String> missing, String value, String key) {
        if (value == null) {
            missing.add(key);
        }
    }

    public boolean isComplete() {
        return missing().isEmpty();
    }

    public DisclosureInput asInput() {
        return new DisclosureInput(legalForm, registeredName, companyNumber, placeOfRegistration, registeredOffice, ownerNames,
                serviceAddress);
    }

    public String describe() {
        return legalForm + ": " + String.join("; ", java.util.stream.Stream.of(registeredName, companyNumber, placeOfRegistration,
                registeredOffice, ownerNames, serviceAddress).filter(java.util.Objects::nonNull).toList());
    }

    public Long getContractorId() {
        return contractorId;
    }

    public LegalForm getLegalForm() {
        return legalForm;
    }

    public String getRegisteredName() {
        return registeredName;
    }

    public String getCompanyNumber() {
        return companyNumber;
    }

    public String getPlaceOfRegistration() {
        return placeOfRegistration;
    }

    public String getRegisteredOffice() {
        return registeredOffice;
    }

    public String getOwnerNames() {
        return ownerNames;
    }

    public String getServiceAddress() {
        return serviceAddress;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
