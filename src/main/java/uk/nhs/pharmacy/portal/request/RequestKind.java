package uk.nhs.pharmacy.portal.request;

public enum RequestKind {
    /** Access for an existing account, or for a new starter or locum whose account is created on approval. */
    GRANT,
    CHANGE,
    REVOKE,
    /** Report a leaver: approval starts the leaver workflow. */
    LEAVER
}
