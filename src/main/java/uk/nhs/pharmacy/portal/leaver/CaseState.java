package uk.nhs.pharmacy.portal.leaver;

public enum CaseState {
    /** Waiting for its effective date; runs by itself then. */
    SCHEDULED,
    /** Access was taken away; a mailbox the leaver owned still needs a successor or a confirmed exception. */
    AWAITING_SUCCESSOR,
    CLOSED,
    /** Withdrawn before its effective date; nothing was changed. */
    CANCELLED;

    public boolean isOpen() {
        return this == SCHEDULED || this == AWAITING_SUCCESSOR;
    }
}
