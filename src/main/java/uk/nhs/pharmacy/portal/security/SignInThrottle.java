package uk.nhs.pharmacy.portal.security;

import java.time.Duration;
import java.time.Instant;

/**
 * How failed sign-ins slow down the next attempt, for one account or one client address: the
 * first {@code free} failures cost nothing, each one after that makes the next attempt wait twice as
 * long (1 s, 2 s, 4 s ... at most a minute), and {@code lockAfter} failures lock it for
 * {@code lockFor}. An attempt before the wait is over is refused without the password being
 * looked at, so a guess that happens to be right is refused too.
 */
public record SignInThrottle(int free, int lockAfter, Duration lockFor) {

    private static final Duration LONGEST_DELAY = Duration.ofMinutes(1);

    public SignInThrottle {
        if (free < 0 || lockAfter <= free || lockFor.isNegative()) {
            throw new IllegalArgumentException("free " + free + " must be below lockAfter " + lockAfter);
        }
    }

    /** When the attempt after {@code failures} failures (the last at {@code now}) may be checked; null if at once. */
    public Instant notBefore(int failures, Instant now) {
        if (failures >= lockAfter) {
            return now.plus(lockFor);
        }
        if (failures <= free) {
            return null;
        }
        long seconds = 1L << Math.min(failures - free - 1, 20);
        Duration delay = Duration.ofSeconds(seconds);
        return now.plus(delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay);
    }

    /** How long an attempt at {@code now} must still wait, or zero. */
    public static Duration wait(Instant notBefore, Instant now) {
        return notBefore == null || !notBefore.isAfter(now) ? Duration.ZERO : Duration.between(now, notBefore);
    }

    public boolean locks(int failures) {
        return failures >= lockAfter;
    }
}
