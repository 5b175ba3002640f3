package uk.nhs.pharmacy.portal.mailbox;

/** NHSmail's delegated permission levels on a shared mailbox. Ownership is held separately. */
public enum Permission {
    FULL_ACCESS, SEND_AS, SEND_ON_BEHALF
}
