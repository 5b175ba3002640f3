package uk.nhs.pharmacy.portal.review;

import uk.nhs.pharmacy.portal.account.AccountStatus;
import uk.nhs.pharmacy.portal.account.JobRole;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The worklist's suggestion for one access, with its reason; the first that applies wins. The one
 * place the rule is written: the worklist, "keep every line recommended keep" and the evidence use it.
 */
public enum Recommendation {
    LEFT_THE_NHS, LOCUM_WITH_NO_LAST_DAY, NO_SIGN_IN_FOR_60_DAYS, GRANTED_OVER_12_MONTHS_AGO, KEEP;

    public static final Duration QUIET = Duration.ofDays(60);
    public static final int OLD_GRANT_MONTHS = 12;

    /**
     * @param lastSignIn when the mail platform last saw the person sign in; null where it cannot tell
     *                   (then no sign-in recommendation is made)
     */
    public static Recommendation of(AccountStatus status, JobRole role, Instant expiresAt, Instant grantedAt,
                                    Instant lastSignIn, Instant now) {
        if (status != AccountStatus.ACTIVE) {
            return LEFT_THE_NHS;
        }
        if (role == JobRole.LOCUM_PHARMACIST && expiresAt == null) {
            return LOCUM_WITH_NO_LAST_DAY;
        }
        if (lastSignIn != null && lastSignIn.isBefore(now.minus(QUIET))) {
            return NO_SIGN_IN_FOR_60_DAYS;
        }
        if (grantedAt.isBefore(now.atOffset(ZoneOffset.UTC).minusMonths(OLD_GRANT_MONTHS).toInstant())) {
            return GRANTED_OVER_12_MONTHS_AGO;
        }
        return KEEP;
    }

    /** The bundle key of the reason shown beside the line. */
    public String key() {
        return "review.recommendation." + name();
    }
}
