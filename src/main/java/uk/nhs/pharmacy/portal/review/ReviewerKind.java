package uk.nhs.pharmacy.portal.review;

/** Who reviews a line: the premises' owners, or the LOA (no owner, or the access is an owner's own). */
public enum ReviewerKind {
    OWNER, LOA
}
