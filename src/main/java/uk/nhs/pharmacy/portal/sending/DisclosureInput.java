package uk.nhs.pharmacy.portal.sending;

import jakarta.validation.constraints.Size;

/** What a person types for a contractor's disclosures; the limits match the columns. */
public record DisclosureInput(LegalForm legalForm,
                              @Size(max = 200, message = "is too long: at most {max} characters") String registeredName,
                              String companyNumber,
                              @Size(max = 100, message = "is too long: at most {max} characters") String placeOfRegistration,
                              @Size(max = 300, message = "is too long: at most {max} characters") String registeredOffice,
                              @Size(max = 300, message = "is too long: at most {max} characters") String ownerNames,
                              @Size(max = 300, message = "is too long: at most {max} characters") String serviceAddress)
        implements java.io.Serializable {
}
