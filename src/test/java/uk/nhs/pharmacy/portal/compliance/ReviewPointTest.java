package uk.nhs.pharmacy.portal.compliance;

import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.platform.UkTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewPointTest {

    private final List<ReviewPoint> defaults = ReviewPoint.parse(ReviewPoint.DEFAULTS);
    private final ReviewPoint april = defaults.get(0);
    private final ReviewPoint november = defaults.get(1);

    private static Instant lastMomentOf(LocalDate day) {
        return UkTime.startOf(day.plusDays(1)).minus(Duration.ofMillis(1));
    }

    @Test
    void theDefaultsAreTheTwo2017ReviewPoints() {
        assertThat(april).isEqualTo(new ReviewPoint(LocalDate.of(2017, 4, 28), LocalDate.of(2017, 2, 1)));
        assertThat(november).isEqualTo(new ReviewPoint(LocalDate.of(2017, 11, 24), null));
    }

    @Test
    void aMailboxActiveOnTheReviewDayQualifiesAndOneTheDayAfterDoesNot() {
        assertThat(april.outcome(lastMomentOf(LocalDate.of(2017, 4, 28)), null)).isEqualTo(GatewayOutcome.MAILBOX_ACTIVE);
        assertThat(april.outcome(UkTime.startOf(LocalDate.of(2017, 4, 29)), null)).isEqualTo(GatewayOutcome.NOT_QUALIFIED);
        assertThat(november.outcome(UkTime.startOf(LocalDate.of(2017, 11, 24)), null)).isEqualTo(GatewayOutcome.MAILBOX_ACTIVE);
        assertThat(november.outcome(UkTime.startOf(LocalDate.of(2017, 11, 25)), null)).isEqualTo(GatewayOutcome.NOT_QUALIFIED);
    }

    @Test
    void anApplicationOnTheCutOffDayCountsAndOneTheDayAfterDoesNot() {
        Instant lateMailbox = UkTime.startOf(LocalDate.of(2017, 6, 1));
        assertThat(april.outcome(lateMailbox, lastMomentOf(LocalDate.of(2017, 2, 1)))).isEqualTo(GatewayOutcome.APPLIED_IN_TIME);
        assertThat(april.outcome(lateMailbox, UkTime.startOf(LocalDate.of(2017, 2, 2)))).isEqualTo(GatewayOutcome.NOT_QUALIFIED);
        assertThat(november.outcome(null, UkTime.startOf(LocalDate.of(2017, 1, 5))))
                .as("the November point takes no applications").isEqualTo(GatewayOutcome.NOT_QUALIFIED);
    }

    @Test
    void daysAreUkDaysAcrossSummerTime() {
        // 28 April 2017 is in BST: 23:30 UTC on the 28th is already the 29th in the UK.
        assertThat(april.outcome(Instant.parse("2017-04-28T22:59:59Z"), null)).isEqualTo(GatewayOutcome.MAILBOX_ACTIVE);
        assertThat(april.outcome(Instant.parse("2017-04-28T23:00:00Z"), null)).isEqualTo(GatewayOutcome.NOT_QUALIFIED);
    }
}
