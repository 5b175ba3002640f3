package uk.nhs.pharmacy.portal.sending;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.Failure;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.platform.web.PageNotFound;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** A contractor's page: its disclosure details, what is missing, the footer they make, and the form for those who may edit. */
@Named
@ViewScoped
public class DisclosureView implements Serializable {

    @Inject
    Disclosures disclosures;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private String ods;
    private Disclosures.Page page;
    private LegalForm legalForm = LegalForm.COMPANY;
    private String registeredName;
    private String companyNumber;
    private String placeOfRegistration;
    private String registeredOffice;
    private String ownerNames;
    private String serviceAddress;

    public void load() throws IOException {
        try {
            page = disclosures.page(currentUser.actor(), OdsCode.of(ods));
        } catch (RuntimeException e) {
            if (Failure.of(e).kind() != Failure.Kind.NOT_FOUND && Failure.of(e).kind() != Failure.Kind.INVALID) {
                throw e;
            }
            page = null;
            PageNotFound.render();
            return;
        }
        Disclosure d = page.details();
        if (d != null) {
            legalForm = d.getLegalForm();
            registeredName = d.getRegisteredName();
            companyNumber = d.getCompanyNumber();
            placeOfRegistration = d.getPlaceOfRegistration();
            registeredOffice = d.getRegisteredOffice();
            ownerNames = d.getOwnerNames();
            serviceAddress = d.getServiceAddress();
        }
    }

    public void save() {
        DisclosureInput input = new DisclosureInput(legalForm, registeredName, companyNumber, placeOfRegistration, registeredOffice,
                ownerNames, serviceAddress);
        if (messages.attempt(() -> disclosures.save(currentUser.actor(), OdsCode.of(ods), input))) {
            messages.info("disclosure.saved", page.contractor().getName());
            page = disclosures.page(currentUser.actor(), OdsCode.of(ods));
        }
    }

    public LegalForm[] getLegalForms() {
        return LegalForm.values();
    }

    public boolean isCompany() {
        return legalForm == LegalForm.COMPANY;
    }

    public Disclosures.Page getPage() {
        return page;
    }

    public List<String> getMissing() {
        return page == null ? List.of() : page.missing();
    }

    public String getOds() {
        return ods;
    }

    public void setOds(String ods) {
        this.ods = ods;
    }

    public LegalForm getLegalForm() {
        return legalForm;
    }

    public void setLegalForm(LegalForm legalForm) {
        this.legalForm = legalForm;
    }

    public String getRegisteredName() {
        return registeredName;
    }

    public void setRegisteredName(String registeredName) {
        this.registeredName = registeredName;
    }

    public String getCompanyNumber() {
        return companyNumber;
    }

    public void setCompanyNumber(String companyNumber) {
        this.companyNumber = companyNumber;
    }

    public String getPlaceOfRegistration() {
        return placeOfRegistration;
    }

    public void setPlaceOfRegistration(String placeOfRegistration) {
        this.placeOfRegistration = placeOfRegistration;
    }

    public String getRegisteredOffice() {
        return registeredOffice;
    }

    public void setRegisteredOffice(String registeredOffice) {
        this.registeredOffice = registeredOffice;
    }

    public String getOwnerNames() {
        return ownerNames;
    }

    public void setOwnerNames(String ownerNames) {
        this.ownerNames = ownerNames;
    }

    public String getServiceAddress() {
        return serviceAddress;
    }

    public void setServiceAddress(String serviceAddress) {
        this.serviceAddress = serviceAddress;
    }
}
