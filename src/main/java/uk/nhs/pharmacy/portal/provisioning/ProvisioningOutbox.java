package uk.nhs.pharmacy.portal.provisioning;

import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Writes provisioning events inside the caller's transaction ({@code MANDATORY}), so an event
 * exists exactly when the change it carries was committed.
 */
@ApplicationScoped
public class ProvisioningOutbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<ProvisioningRecorded> recorded;

    @Transactional(Transactional.TxType.MANDATORY)
    public ProvisioningEvent record(long mailboxId, String mailboxAddress, String accountAddress, ProvisioningKind kind,
                                    String rights, String actor) {
        ProvisioningEvent event = new ProvisioningEvent(mailboxId, mailboxAddress, accountAddress, kind, rights,
                clock.instant(), actor);
        em.persist(event);
        recorded.fire(new ProvisioningRecorded(mailboxId));
        return event;
    }

    /** Puts a dead-lettered event back in the queue, inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProvisioningEvent retry(long id) {
        ProvisioningEvent event = em.find(ProvisioningEvent.class, id);
        if (event == null) {
            throw new NotFound();
        }
        event.retry(clock.instant());
        recorded.fire(new ProvisioningRecorded(event.getMailboxId()));
        return event;
    }

    public ProvisioningEvent find(long id) {
        return em.find(ProvisioningEvent.class, id);
    }

    /** The newest events of one mailbox, for its page. */
    public List<ProvisioningEvent> forMailbox(long mailboxId, int max) {
        return em.createQuery("select e from ProvisioningEvent e where e.mailboxId = :mailbox order by e.id desc",
                        ProvisioningEvent.class)
                .setParameter("mailbox", mailboxId).setMaxResults(max).getResultList();
    }
}
