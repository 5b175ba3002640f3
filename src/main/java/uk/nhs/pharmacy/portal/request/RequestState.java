package uk.nhs.pharmacy.portal.request;

public enum RequestState {
    SUBMITTED,
    /** Approved; what it asked for takes effect later (a future-dated leaver). */
    APPROVED,
    REJECTED,
    WITHDRAWN,
    /** Approved and done. */
    APPLIED;

    public boolean isDecided() {
        return this != SUBMITTED;
    }
}
