package uk.nhs.pharmacy.portal.security;

import jakarta.security.enterprise.AuthenticationStatus;

import java.time.Duration;

/** What a sign-in attempt came to: the container's status, or refused until {@code retryAfter} has passed. */
public record SignInOutcome(AuthenticationStatus status, Duration retryAfter) {

    static SignInOutcome of(AuthenticationStatus status) {
        return new SignInOutcome(status, Duration.ZERO);
    }

    static SignInOutcome throttled(Duration wait) {
        return new SignInOutcome(AuthenticationStatus.SEND_FAILURE, wait);
    }

    public boolean isThrottled() {
        return !retryAfter.isZero();
    }

    /** Whole seconds to wait, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
