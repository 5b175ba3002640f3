package uk.nhs.pharmacy.portal.security;

import jakarta.security.enterprise.AuthenticationStatus;

import java.time.Duration;

/**
 * What a sign-in attempt came to: the container's status, refused until {@code retryAfter} has
 * passed, or waiting for the second factor.
 */
public record SignInOutcome(AuthenticationStatus status, Duration retryAfter, Mfa mfa) {

    /** Where the second factor stands when the password was right but the person is not signed in yet. */
    public enum Mfa { NONE, CODE_NEEDED, CODE_WRONG, ENROL }

    static SignInOutcome of(AuthenticationStatus status, Mfa mfa) {
        return new SignInOutcome(status, Duration.ZERO, mfa == null ? Mfa.NONE : mfa);
    }

    static SignInOutcome throttled(Duration wait) {
        return new SignInOutcome(AuthenticationStatus.SEND_FAILURE, wait, Mfa.NONE);
    }

    public boolean isThrottled() {
        return !retryAfter.isZero();
    }

    /** Whole seconds to wait, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
