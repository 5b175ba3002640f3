package uk.nhs.pharmacy.portal.review;

import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.account.AccountStatus;
import uk.nhs.pharmacy.portal.account.JobRole;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The worklist's recommendation: the first reason that applies, and none from a sign-in the platform cannot tell. */
class RecommendationTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Instant LAST_WEEK = NOW.minus(Duration.ofDays(7));
    private static final Instant IN_A_MONTH = NOW.plus(Duration.ofDays(30));

    private static Recommendation of(AccountStatus status, JobRole role, Instant expiresAt, Instant grantedAt, Instant signIn) {
        return Recommendation.of(status, role, expiresAt, grantedAt, signIn, NOW);
    }

    @Test
    void aLeaverIsRemovedWhateverElseIsTrue() {
        assertThat(of(AccountStatus.LEAVER, JobRole.LOCUM_PHARMACIST, null, LAST_WEEK, LAST_WEEK)).isEqualTo(Recommendation.LEFT_THE_NHS);
        assertThat(of(AccountStatus.DISABLED, JobRole.PHARMACIST, IN_A_MONTH, LAST_WEEK, null)).isEqualTo(Recommendation.LEFT_THE_NHS);
    }

    @Test
    void aLocumNeedsALastDayButOtherRolesDoNot() {
        assertThat(of(AccountStatus.ACTIVE, JobRole.LOCUM_PHARMACIST, null, LAST_WEEK, LAST_WEEK))
                .isEqualTo(Recommendation.LOCUM_WITH_NO_LAST_DAY);
        assertThat(of(AccountStatus.ACTIVE, JobRole.LOCUM_PHARMACIST, IN_A_MONTH, LAST_WEEK, LAST_WEEK)).isEqualTo(Recommendation.KEEP);
        assertThat(of(AccountStatus.ACTIVE, JobRole.DISPENSER, null, LAST_WEEK, LAST_WEEK)).isEqualTo(Recommendation.KEEP);
    }

    @Test
    void sixtyDaysWithoutASignInCountsOnlyWhereThePlatformCanTell() {
        assertThat(of(AccountStatus.ACTIVE, JobRole.PHARMACIST, null, LAST_WEEK, NOW.minus(Duration.ofDays(61))))
                .isEqualTo(Recommendation.NO_SIGN_IN_FOR_60_DAYS);
        assertThat(of(AccountStatus.ACTIVE, JobRole.PHARMACIST, null, LAST_WEEK, NOW.minus(Duration.ofDays(59))))
                .isEqualTo(Recommendation.KEEP);
        assertThat(of(AccountStatus.ACTIVE, JobRole.PHARMACIST, null, LAST_WEEK, null)).as("not known").isEqualTo(Recommendation.KEEP);
    }

    @Test
    void accessGrantedMoreThanTwelveMonthsAgoIsChecked() {
        assertThat(of(AccountStatus.ACTIVE, JobRole.PHARMACIST, null, NOW.minus(Duration.ofDays(370)), LAST_WEEK))
                .isEqualTo(Recommendation.GRANTED_OVER_12_MONTHS_AGO);
        assertThat(of(AccountStatus.ACTIVE, JobRole.PHARMACIST, null, NOW.minus(Duration.ofDays(360)), LAST_WEEK))
                .isEqualTo(Recommendation.KEEP);
    }
}
