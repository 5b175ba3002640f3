package uk.nhs.pharmacy.portal.leaver;

public enum StepState {
    DONE,
    /** Needs a person: a successor to choose, or an exception to confirm. */
    WAITING,
    SUCCESSOR_CHOSEN,
    EXCEPTION_CONFIRMED;

    public boolean isWaiting() {
        return this == WAITING;
    }
}
