package uk.nhs.pharmacy.portal.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import uk.nhs.pharmacy.portal.platform.PeriodicWork;
import java.time.Duration;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.provisioning.PlatformSettings;
import uk.nhs.pharmacy.portal.provisioning.Reconciliation;
import uk.nhs.pharmacy.portal.security.Actor;

import java.util.List;
import java.util.logging.Logger;

/**
 * Reconciles every active mailbox with the platform every {@code platform.reconcile.minutes}
 * (default 60), as the system: drift is logged, and repaired (and audited) when
 * {@code platform.reconcile.repair=true}. Only when a platform is configured.
 */
@ApplicationScoped
public class ReconcileSchedule implements PeriodicWork {

    private static final Logger LOG = Logger.getLogger(ReconcileSchedule.class.getName());
    private static final int PAGE = 500;

    @Inject
    PlatformSettings settings;

    @Inject
    MailboxReconciler reconciler;

    @Inject
    ReconcileSchedule.Pages pages;

    @Inject
    @ConfigProperty(name = "platform.reconcile.minutes", defaultValue = "60")
    int everyMinutes;

    @Inject
    @ConfigProperty(name = "platform.reconcile.repair", defaultValue = "false")
    boolean repair;

    @Override
    public String name() {
        return "platform-reconcile";
    }

    @Override
    public Duration every() {
        return Duration.ofMinutes(Math.max(1, everyMinutes));
    }

    @Override
    public Duration firstAfter() {
        return every();
    }

    @Override
    public void run() {
        if (settings.isConfigured()) {
            reconcileAll();
        }
    }

    /** Returns how many mailboxes had drift. */
    public int reconcileAll() {
        Actor system = Actor.system("reconciliation");
        int drifted = 0;
        long after = 0;
        List<SharedMailbox> page;
        do {
            page = pages.after(after, PAGE);
            for (SharedMailbox mailbox : page) {
                after = mailbox.getId();
                try {
                    List<Reconciliation.Drift> drift = reconciler.check(system, mailbox, repair, "Scheduled reconciliation");
                    if (!drift.isEmpty()) {
                        drifted++;
                        LOG.warning(() -> mailbox.getAddress() + " differs on the platform: " + drift
                                + (repair ? " (repaired)" : ""));
                    }
                } catch (RuleViolation e) {
                    LOG.warning(() -> "Reconciliation of " + mailbox.getAddress() + " failed: " + e.getMessage());
                }
            }
        } while (page.size() == PAGE);
        return drifted;
    }

    /** Active mailboxes by id, a page at a time, each read in its own transaction. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Pages {
        @PersistenceContext
        EntityManager em;

        @Transactional
        public List<SharedMailbox> after(long id, int max) {
            return em.createQuery("select m from SharedMailbox m join fetch m.premises where m.id > :id and m.status = :active "
                            + "order by m.id", SharedMailbox.class)
                    .setParameter("id", id).setParameter("active", MailboxStatus.ACTIVE).setMaxResults(max).getResultList();
        }
    }
}
