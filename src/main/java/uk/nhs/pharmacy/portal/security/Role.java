package uk.nhs.pharmacy.portal.security;

/** Portal roles. The names are the group names the identity store returns. */
public enum Role {
    NATIONAL_ADMIN, LOA, OWNER;

    public static final String NATIONAL_ADMIN_NAME = "NATIONAL_ADMIN";
    public static final String LOA_NAME = "LOA";
    public static final String OWNER_NAME = "OWNER";
}
