package uk.nhs.pharmacy.portal.security;

/**
 * Something about signing in that the audit trail records: a sign-in, a failed or refused one, an
 * unlock. Fired as a CDI event inside the transaction that records the attempt, so the audit row
 * commits with it (security knows nothing of the audit package; audit observes).
 */
public record SecurityEvent(String actor, String action, String username, String detail) {

    public static final String SIGNED_IN = "SIGN_IN";
    public static final String FAILED = "SIGN_IN_FAILED";
    public static final String REFUSED = "SIGN_IN_REFUSED";
    public static final String UNLOCKED = "SIGN_IN_UNLOCKED";
    public static final String MFA_ENROLLED = "MFA_ENROLLED";
    public static final String MFA_RESET = "MFA_RESET";
    public static final String RECOVERY_CODE_USED = "MFA_RECOVERY_CODE_USED";
}
