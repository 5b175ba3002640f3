package uk.nhs.pharmacy.portal.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Growing delays after a few failed sign-ins, then a lock. */
class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle(3, 10, Duration.ofMinutes(15));
    private final Instant now = Instant.parse("2026-12-02T09:00:00Z");

    @Test
    void theFirstFailuresCostNothing() {
        for (int failures = 0; failures <= 3; failures++) {
            assertThat(throttle.notBefore(failures, now)).as(failures + " failures").isNull();
        }
    }

    @Test
    void eachFailureAfterThatDoublesTheWaitUpToAMinute() {
        assertThat(throttle.notBefore(4, now)).isEqualTo(now.plusSeconds(1));
        assertThat(throttle.notBefore(5, now)).isEqualTo(now.plusSeconds(2));
        assertThat(throttle.notBefore(6, now)).isEqualTo(now.plusSeconds(4));
        assertThat(throttle.notBefore(9, now)).isEqualTo(now.plusSeconds(32));
        SignInThrottle patient = new SignInThrottle(0, 40, Duration.ofMinutes(15));
        assertThat(patient.notBefore(30, now)).isEqualTo(now.plusSeconds(60));
    }

    @Test
    void enoughFailuresLockForTheLockPeriod() {
        assertThat(throttle.locks(9)).isFalse();
        assertThat(throttle.locks(10)).isTrue();
        assertThat(throttle.notBefore(10, now)).isEqualTo(now.plus(Duration.ofMinutes(15)));
        assertThat(throttle.notBefore(25, now)).isEqualTo(now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void theWaitIsWhatRemains() {
        assertThat(SignInThrottle.wait(null, now)).isZero();
        assertThat(SignInThrottle.wait(now.minusSeconds(1), now)).isZero();
        assertThat(SignInThrottle.wait(now.plusSeconds(90), now)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aLockMustComeAfterTheFreeFailures() {
        assertThatThrownBy(() -> new SignInThrottle(5, 5, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
