package uk.nhs.pharmacy.portal.review;

/** What became of a line: a reviewer's decision, or the deadline's. */
public enum Decision {
    KEEP, CHANGE, REMOVE,
    /** Nobody reviewed it; kept at the deadline and flagged. */
    FLAGGED,
    /** Nobody reviewed it; taken away at the deadline. */
    REVOKED_AT_DEADLINE;

    /** The three a reviewer chooses from. */
    public boolean byReviewer() {
        return this == KEEP || this == CHANGE || this == REMOVE;
    }
}
