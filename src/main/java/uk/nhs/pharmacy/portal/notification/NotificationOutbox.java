package uk.nhs.pharmacy.portal.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.text.MessageFormat;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Writes notifications inside the caller's transaction ({@code MANDATORY}): a mail exists exactly
 * when the change it tells about was committed. Subject and body come from the i18n bundle,
 * {@code mail.<template>.subject} and {@code mail.<template>.body}, with {0}, {1}... arguments.
 */
@ApplicationScoped
public class NotificationOutbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(String recipient, String template, Object... arguments) {
        notifyOnce(null, recipient, template, arguments);
    }

    /** As {@link #notify}, but at most once per {@code dedupeKey} (e.g. one reminder per expiry). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean notifyOnce(String dedupeKey, String recipient, String template, Object... arguments) {
        if (recipient == null || recipient.isBlank()) {
            return false;
        }
        if (dedupeKey != null && !em.createQuery("select n.id from Notification n where n.dedupeKey = :key", Long.class)
                .setParameter("key", dedupeKey).setMaxResults(1).getResultList().isEmpty()) {
            return false;
        }
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", Locale.UK);
        String subject = MessageFormat.format(bundle.getString("mail." + template + ".subject"), arguments);
        String body = MessageFormat.format(bundle.getString("mail." + template + ".body"), arguments);
        em.persist(new Notification(recipient, subject, body, clock.instant(), dedupeKey));
        return true;
    }

    /** Notifications to one address, newest first (for tests and support). */
    public List<Notification> to(String recipient, int max) {
        return em.createQuery("select n from Notification n where n.recipient = :to order by n.id desc", Notification.class)
                .setParameter("to", recipient).setMaxResults(max).getResultList();
    }
}
