package uk.nhs.pharmacy.portal.notification;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void aFailedSendWaitsTwiceAsLongEachTimeUpToTheMaximumThenGivesUp() {
        Notification n = new Notification("a.b@nhs.net", "Subject", "Body", T0, null);
        Duration first = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(5);
        n.failed("connection refused", T0, first, max);
        assertThat(n.getNextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        n.failed("connection refused", T0, first, max);
        assertThat(n.getNextAttemptAt()).isEqualTo(T0.plusSeconds(60));
        n.failed("connection refused", T0, first, max);
        assertThat(n.getNextAttemptAt()).isEqualTo(T0.plusSeconds(120));
        for (int i = 0; i < 10; i++) {
            n.failed("connection refused", T0, first, max);
        }
        assertThat(n.getNextAttemptAt()).isEqualTo(T0.plus(max));
        assertThat(n.getState()).isEqualTo(Notification.State.PENDING);
        while (n.getAttempts() < Notification.MAX_ATTEMPTS) {
            n.failed("connection refused", T0, first, max);
        }
        assertThat(n.getState()).isEqualTo(Notification.State.FAILED);
        assertThat(n.getLastError()).isEqualTo("connection refused");
    }

    @Test
    void aSentMailRecordsWhenAndForgetsTheLastError() {
        Notification n = new Notification("a.b@nhs.net", "Subject", "Body", T0, "key");
        n.failed("timeout", T0, Duration.ofSeconds(1), Duration.ofSeconds(2));
        n.sent(T0.plusSeconds(5));
        assertThat(n.getState()).isEqualTo(Notification.State.SENT);
        assertThat(n.getSentAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(n.getLastError()).isNull();
        assertThat(n.getAttempts()).isEqualTo(2);
    }
}
