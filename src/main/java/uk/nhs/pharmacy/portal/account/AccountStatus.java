package uk.nhs.pharmacy.portal.account;

public enum AccountStatus {
    ACTIVE,
    /** NHSmail's "Active (Leaver)": kept 30 days, then disabled unless another organisation accepts the person. */
    LEAVER,
    DISABLED
}
