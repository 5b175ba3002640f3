package uk.nhs.pharmacy.portal.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The sender's reads and writes, each its own short transaction. */
@ApplicationScoped
public class NotificationStore {

    @PersistenceContext
    EntityManager em;

    @jakarta.inject.Inject
    NotificationStore self;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Notification> due(Instant now, int max) {
        return em.createQuery("select n from Notification n where n.state = :pending and n.nextAttemptAt <= :now "
                        + "order by n.nextAttemptAt, n.id", Notification.class)
                .setParameter("pending", Notification.State.PENDING).setParameter("now", now)
                .setMaxResults(max).getResultList();
    }

    /**
     * Takes a due mail for this instance for a while ({@code lease}), so another instance of a cluster
     * does not send it too; the row's version decides who wins. False if someone else has it.
     */
    public boolean claim(long id, Instant now, Duration lease) {
        try {
            return self.claimInTransaction(id, now, lease);
        } catch (RuntimeException e) {
            return false; // another instance updated it first
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claimInTransaction(long id, Instant now, Duration lease) {
        Notification n = em.find(Notification.class, id);
        if (n == null || n.getState() != Notification.State.PENDING || n.getNextAttemptAt().isAfter(now)) {
            return false;
        }
        n.leaseUntil(now.plus(lease));
        em.flush();
        return true;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markSent(long id, Instant at) {
        Notification n = em.find(Notification.class, id);
        if (n != null && n.getState() == Notification.State.PENDING) {
            n.sent(at);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markFailed(long id, String error, Instant at, Duration firstBackoff, Duration maxBackoff) {
        Notification n = em.find(Notification.class, id);
        if (n != null && n.getState() == Notification.State.PENDING) {
            n.failed(error, at, firstBackoff, maxBackoff);
        }
    }
}
