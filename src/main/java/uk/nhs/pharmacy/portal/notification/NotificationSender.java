package uk.nhs.pharmacy.portal.notification;

import jakarta.enterprise.context.ApplicationScoped;
import uk.nhs.pharmacy.portal.platform.PeriodicWork;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Delivers the notification outbox over SMTP on the platform's timer (every
 * {@code portal.mail.poll.seconds}). Each mail is sent, then marked sent in its own transaction;
 * a failure backs off (doubling from {@code portal.mail.backoff.seconds} up to
 * {@code portal.mail.backoff.max.seconds}) and the mail waits for the next try. With no
 * {@code mail.smtp.host} configured (the demo), mail stays pending and nothing fails.
 */
@ApplicationScoped
public class NotificationSender implements PeriodicWork {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class.getName());
    private static final int BATCH = 100;

    @Inject
    NotificationStore store;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mail.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "mail.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "mail.from", defaultValue = "pharmacy-portal@nhs.net")
    String from;

    @Inject
    @ConfigProperty(name = "portal.mail.poll.seconds", defaultValue = "15")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "portal.mail.backoff.seconds", defaultValue = "30")
    int backoffSeconds;

    @Inject
    @ConfigProperty(name = "portal.mail.backoff.max.seconds", defaultValue = "3600")
    int maxBackoffSeconds;

    private Session session;

    @PostConstruct
    void start() {
        if (host.isEmpty() || host.get().isBlank()) {
            LOG.info("No mail.smtp.host: notifications are kept in the outbox and not sent");
            return;
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.get());
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        session = Session.getInstance(properties);
    }

    @Override
    public String name() {
        return "notification-sender";
    }

    @Override
    public Duration every() {
        return Duration.ofSeconds(Math.max(1, pollSeconds));
    }

    /** Every member sends: each mail is claimed on its row first, so none goes twice. */
    @Override
    public boolean oncePerCluster() {
        return false;
    }

    @Override
    public void run() {
        sendDue();
    }

    /** Sends every notification that is due; returns how many were sent. */
    public int sendDue() {
        if (session == null) {
            return 0;
        }
        int sent = 0;
        List<Notification> due = store.due(clock.instant(), BATCH);
        for (Notification n : due) {
            if (!store.claim(n.getId(), clock.instant(), Duration.ofMinutes(5))) {
                continue;
            }
            try {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(from));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(n.getRecipient()));
                message.setSubject(n.getSubject(), StandardCharsets.UTF_8.name());
                message.setText(n.getBody(), StandardCharsets.UTF_8.name());
                message.setHeader("X-Portal-Notification", String.valueOf(n.getId()));
                Transport.send(message);
                store.markSent(n.getId(), clock.instant());
                sent++;
            } catch (MessagingException | RuntimeException e) {
                Instant now = clock.instant();
                store.markFailed(n.getId(), e.getMessage(), now, Duration.ofSeconds(backoffSeconds),
                        Duration.ofSeconds(maxBackoffSeconds));
                LOG.warning(() -> "Mail " + n.getId() + " to " + n.getRecipient() + " not sent (" + e.getMessage()
                        + "); it will be tried again");
                break; // the server is likely down: the rest wait for the next run rather than all failing now
            }
        }
        return sent;
    }
}
