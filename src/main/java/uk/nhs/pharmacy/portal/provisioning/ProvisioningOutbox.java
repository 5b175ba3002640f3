package uk.nhs.pharmacy.portal.provisioning;

import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import jakarta.annotation.Resource;
import jakarta.persistence.PersistenceException;
import uk.nhs.pharmacy.portal.platform.IdBlock;
import uk.nhs.pharmacy.portal.platform.PortalDataSource;
import uk.nhs.pharmacy.portal.platform.SqlRows;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
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

    /* The JTA transaction's own connection: a second handle on a shareable resource in one transaction. */
    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

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

    /** One change for the platform, as {@link #recordAll} takes them. */
    public record Entry(long mailboxId, String mailboxAddress, String accountAddress, ProvisioningKind kind, String rights) {
    }

    /**
     * Many events at once, set-based, for work that writes thousands (the expiry sweep): ids in one
     * block of the table generator's, the rows in one JDBC batch on the transaction's connection, and
     * one signal to the dispatcher after commit. Returns how many rows were written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordAll(List<Entry> changes, String actor) {
        if (changes.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try {
            long id = IdBlock.reserveFirst(dataSource, "provisioning_event", changes.size());
            try (PreparedStatement insert = IdBlock.transactionsConnection(em).prepareStatement("INSERT INTO provisioning_event (id, mailbox_id, "
                    + "mailbox_address, account_address, kind, rights, state, created_at, created_by, attempts, version) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,0,1)")) {
                for (Entry change : changes) {
                    SqlRows.bind(insert, id++, change.mailboxId(), change.mailboxAddress(), change.accountAddress(),
                            change.kind().name(), change.rights(), ProvisioningState.PENDING.name(), now, actor);
                    insert.addBatch();
                }
                int written = SqlRows.count(insert.executeBatch());
                recorded.fire(new ProvisioningRecorded(changes.get(0).mailboxId()));
                return written;
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not queue " + changes.size() + " changes for the platform", e);
        }
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
