package uk.nhs.pharmacy.portal.security;

/**
 * Portal roles. The names are the group names the identity store returns. {@link #HR_SYSTEM} is no
 * person's role: it is the actor of an HR system calling the SCIM endpoint with a token.
 */
public enum Role {
    NATIONAL_ADMIN, LOA, OWNER, HR_SYSTEM;

    public static final String NATIONAL_ADMIN_NAME = "NATIONAL_ADMIN";
    public static final String LOA_NAME = "LOA";
    public static final String OWNER_NAME = "OWNER";
}
