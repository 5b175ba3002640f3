package uk.nhs.pharmacy.portal.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The dispatcher's reads and writes, each a short transaction of its own. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ProvisioningStore {

    static final int MAX_ATTEMPTS = 8;

    @PersistenceContext
    EntityManager em;

    /** The oldest pending events, in the order they were written (ids grow with time). */
    public List<ProvisioningEvent> pending(int max) {
        return em.createQuery("select e from ProvisioningEvent e where e.state = :pending order by e.id",
                        ProvisioningEvent.class)
                .setParameter("pending", ProvisioningState.PENDING).setMaxResults(max).getResultList();
    }

    public void applied(long id, Instant at) {
        ProvisioningEvent e = em.find(ProvisioningEvent.class, id);
        if (e != null && e.getState() == ProvisioningState.PENDING) {
            e.applied(at);
        }
    }

    /** No platform is configured: these events are kept as records, never sent. One statement for the lot. */
    public int noTarget(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("update ProvisioningEvent e set e.state = :noTarget, e.version = e.version + 1 "
                        + "where e.id in :ids and e.state = :pending")
                .setParameter("noTarget", ProvisioningState.NO_TARGET).setParameter("pending", ProvisioningState.PENDING)
                .setParameter("ids", ids).executeUpdate();
    }

    public void failed(long id, String error, Instant at, Duration firstBackoff) {
        ProvisioningEvent e = em.find(ProvisioningEvent.class, id);
        if (e != null && e.getState() == ProvisioningState.PENDING) {
            e.failed(error, at, firstBackoff, MAX_ATTEMPTS);
        }
    }

    public ProvisioningEvent retry(long id, Instant at) {
        ProvisioningEvent e = em.find(ProvisioningEvent.class, id);
        if (e == null) {
            throw new IllegalArgumentException("No provisioning event " + id);
        }
        e.retry(at);
        return e;
    }

    public ProvisioningEvent find(long id) {
        return em.find(ProvisioningEvent.class, id);
    }
}
