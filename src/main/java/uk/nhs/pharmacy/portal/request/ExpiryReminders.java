package uk.nhs.pharmacy.portal.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.notification.NotificationOutbox;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.security.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tells owners a week ahead that a locum's access to one of their premises ends: one mail per
 * owner per expiry date, however often this runs (the outbox's dedupe key). Extending the cover
 * moves the date, so the new date gets its own reminder.
 */
@ApplicationScoped
public class ExpiryReminders {

    private static final int MAX_PER_RUN = 5_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Recipients recipients;

    @Inject
    NotificationOutbox notifications;

    @Transactional
    public int remind(Instant now) {
        List<Delegation> ending = em.createQuery("select d from Delegation d join fetch d.account join fetch d.mailbox m "
                        + "join fetch m.premises where " + Delegation.LIVE + " and d.expiresAt <= :weekAhead "
                        + "order by d.expiresAt", Delegation.class)
                .setParameter("now", now).setParameter("weekAhead", now.plus(Duration.ofDays(7)))
                .setMaxResults(MAX_PER_RUN).getResultList();
        int sent = 0;
        for (Delegation d : ending) {
            String lastDay = UkTime.words(d.getLastDay());
            for (String owner : recipients.inScope(Role.OWNER, d.getMailbox().getPremises())) {
                if (notifications.notifyOnce("expiry:" + d.getId() + ":" + d.getExpiresAt().getEpochSecond() + ":" + owner,
                        owner, "expiryReminder", d.getAccount().displayName() + " (" + d.getAccount().getAddress() + ")",
                        d.getMailbox().getPremises().getName(), lastDay, d.getMailbox().getPremises().getOdsCode().value())) {
                    sent++;
                }
            }
        }
        return sent;
    }
}
