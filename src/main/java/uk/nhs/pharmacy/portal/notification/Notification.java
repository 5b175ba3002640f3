package uk.nhs.pharmacy.portal.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One email to send, and what happened when the sender tried. */
@Entity
@Table(name = "notification")
public class Notification {

    public enum State { PENDING, SENT, FAILED }

    /** After this many attempts (about a day with the backoff) a mail is given up and shown as failed. */
    public static final int MAX_ATTEMPTS = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "notification_ids")
    @TableGenerator(name = "notification_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "notification", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false, length = 4000)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state = State.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "dedupe_key", updatable = false)
    private String dedupeKey;

    @Version
    private long version;

    protected Notification() {
        // for JPA
    }

    Notification(String recipient, String subject, String body, Instant now, String dedupeKey) {
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.subject = subject.length() > 300 ? subject.substring(0, 300) : subject;
        this.body = body.length() > 4000 ? body.substring(0, 3997) + "..." : body;
        this.createdAt = now;
        this.nextAttemptAt = now;
        this.dedupeKey = dedupeKey;
    }

    /** Claimed for sending: not due again until {@code until}, unless it is marked sent or failed first. */
    void leaseUntil(Instant until) {
        nextAttemptAt = until;
    }

    void sent(Instant at) {
        state = State.SENT;
        sentAt = at;
        attempts++;
        lastError = null;
    }

    /** A failed attempt: try again after a backoff that doubles each time, up to {@code maxBackoff}. */
    void failed(String error, Instant at, Duration firstBackoff, Duration maxBackoff) {
        attempts++;
        lastError = error == null ? "unknown error" : (error.length() > 1000 ? error.substring(0, 1000) : error);
        if (attempts >= MAX_ATTEMPTS) {
            state = State.FAILED;
            return;
        }
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = at.plus(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff);
    }

    public Long getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public State getState() { return state; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public Instant getSentAt() { return sentAt; }
}
