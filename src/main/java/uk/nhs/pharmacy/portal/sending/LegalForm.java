package uk.nhs.pharmacy.portal.sending;

/** How a contractor is constituted, which decides what its mail must disclose. */
public enum LegalForm {
    /** A company or an LLP: registered name, company number, place of registration, registered office. */
    COMPANY,
    /** One owner trading under a business name: their name and an address for service. */
    SOLE_TRADER,
    /** Partners: their names and an address for service. */
    PARTNERSHIP
}
