package uk.nhs.pharmacy.portal.home;

import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import uk.nhs.pharmacy.portal.leaver.CaseState;
import uk.nhs.pharmacy.portal.leaver.LeaverQueries;
import uk.nhs.pharmacy.portal.mailbox.MailboxStatus;
import uk.nhs.pharmacy.portal.request.RequestQueries;
import uk.nhs.pharmacy.portal.request.RequestState;
import uk.nhs.pharmacy.portal.security.Role;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Read-only queries for the home pages, always narrowed to the actor's scope in the database. */
@ApplicationScoped
public class HomeService {

    private static final String LIVE = Delegation.LIVE;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    RequestQueries requests;

    /**
     * The home page's counts in two passes over the scope: one over its premises, one over its
     * mailboxes with each one's live, owner and expiring delegations (one grouped join), instead of
     * one query per figure. The second starts from the scope's organisations and counts from the
     * delegation index alone: it is most of the page for an owner of a large chain.
     */
    public ScopeSummary summary(Actor actor) {
        Instant now = clock.instant();
        String scope = ScopeQuery.sqlCondition(actor, "o");
        Object[] premisesCounts = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(CASE WHEN NOT EXISTS "
                        + "(SELECT 1 FROM shared_mailbox m WHERE m.premises_id = o.id AND m.status <> 'CLOSED') THEN 1 ELSE 0 END), 0) "
                        + "FROM organisation o WHERE o.kind = 'PREMISES' AND " + scope)
                .getSingleResult();
        long premises = number(premisesCounts[0]);
        long withoutMailbox = number(premisesCounts[1]);
        @SuppressWarnings("unchecked")
        List<Object[]> byStatus = em.createNativeQuery("SELECT x.status, COUNT(*), SUM(x.live), "
                        + "SUM(CASE WHEN x.live < " + SharedMailbox.MIN_LIVE_ACCOUNTS + " THEN 1 ELSE 0 END), SUM(CASE WHEN x.owners = 0 THEN 1 ELSE 0 END), SUM(x.expiring) "
                        + "FROM (SELECT m.id, m.status, COUNT(d.mailbox_id) AS live, "
                        + "COALESCE(SUM(CASE WHEN d.mailbox_owner THEN 1 ELSE 0 END), 0) AS owners, "
                        + "COALESCE(SUM(CASE WHEN d.expires_at <= ?2 THEN 1 ELSE 0 END), 0) AS expiring "
                        // the scope first: written after the mailboxes, H2 ran its UNION once per mailbox (1.5 s)
                        + "FROM " + ScopeQuery.sqlOrganisations(actor).map(s -> "(" + s + ") s JOIN shared_mailbox m ON m.premises_id = s.id ")
                                .orElse("shared_mailbox m ")
                        + "LEFT JOIN delegation d " + Delegation.BY_MAILBOX_INDEX + "ON d.mailbox_id = m.id AND " + Delegation.liveSql("d", "?1") + " "
                        + "GROUP BY m.id, m.status) x GROUP BY x.status")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(now.plus(Duration.ofDays(7))))
                .getResultList();
        long active = 0;
        long legacy = 0;
        long live = 0;
        long belowMinimum = 0;
        long withoutOwner = 0;
        long expiring = 0;
        for (Object[] row : byStatus) {
            MailboxStatus status = MailboxStatus.valueOf(row[0].toString());
            live += number(row[2]);
            expiring += number(row[5]);
            if (status == MailboxStatus.ACTIVE) {
                active = number(row[1]);
                belowMinimum = number(row[3]);
                withoutOwner = number(row[4]);
            } else if (status == MailboxStatus.LEGACY_NON_CONFORMING) {
                legacy = number(row[1]);
            }
        }
        TypedQuery<Long> leaverQuery = em.createQuery("select count(c) from LeaverCase c join c.scopeOrganisation o "
                + "where c.state in :openCases and " + LeaverQueries.visible(actor), Long.class)
                .setParameter("openCases", List.of(CaseState.SCHEDULED, CaseState.AWAITING_SUCCESSOR));
        long pendingLeavers = LeaverQueries.bindVisible(leaverQuery, actor).getSingleResult();
        long requestsWaiting = actor.is(Role.OWNER)
                ? em.createQuery("select count(r) from AccessRequest r where r.requestedBy = :me and r.state = :submitted",
                        Long.class).setParameter("me", actor.username()).setParameter("submitted", RequestState.SUBMITTED)
                .getSingleResult()
                : requests.queueSize(actor);
        return new ScopeSummary(premises, active, legacy, withoutMailbox, live, belowMinimum,
                withoutOwner, expiring, pendingLeavers, requestsWaiting);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
