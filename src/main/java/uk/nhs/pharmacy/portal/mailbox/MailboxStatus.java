package uk.nhs.pharmacy.portal.mailbox;

public enum MailboxStatus {
    REQUESTED,
    ACTIVE,
    /** A non-conforming shared mailbox, or a personal-style account people log into directly. */
    LEGACY_NON_CONFORMING,
    CLOSED
}
