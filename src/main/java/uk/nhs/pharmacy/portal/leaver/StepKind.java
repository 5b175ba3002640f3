package uk.nhs.pharmacy.portal.leaver;

/** The steps of a leaver case, in the order they happen. */
public enum StepKind {
    REVOKE_ACCESS, MARK_LEAVER, SUCCESSOR, REMOTE_WIPE, CLOSE
}
