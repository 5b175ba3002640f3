package uk.nhs.pharmacy.portal.review;

/** What the deadline does to access nobody reviewed. */
public enum AtDeadline {
    /** The access stays; the line is flagged as not reviewed, for the evidence and the LOA. */
    KEEP_AND_FLAG,
    /** The access is taken away as {@code system:review}, unless that would break the mailbox's minimum or leave it with no owner (then flagged). */
    REVOKE
}
