package uk.nhs.pharmacy.portal.organisation;

public enum OrganisationKind {
    /** One pharmacy premises, with an F code; it gets the premises-specific shared mailbox. */
    PREMISES,
    /** The contractor (owner or head office) of one or many premises. */
    CONTRACTOR,
    /** A geographic area (region, integrated care board, local authority); areas nest. */
    AREA,
    /** The national administration team. */
    NATIONAL
}
