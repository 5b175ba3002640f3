package uk.nhs.pharmacy.portal.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import uk.nhs.pharmacy.portal.audit.AuditAction;
import uk.nhs.pharmacy.portal.audit.AuditEntry;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.audit.AuditTarget;
import uk.nhs.pharmacy.portal.audit.AuditTargetType;
import uk.nhs.pharmacy.portal.audit.Change;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.MailboxRepository;
import uk.nhs.pharmacy.portal.mailbox.MailboxService;
import uk.nhs.pharmacy.portal.notification.NotificationOutbox;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.request.Recipients;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Role;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The scheduled steps of campaigns, each its own transaction so that a long deadline run keeps what
 * it has done if its member stops, and the next run carries on: only undecided lines are touched.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ReviewSteps {

    static final String NOT_REVIEWED = "Not reviewed by the deadline";

    private final Actor system = Actor.system(ReviewService.REVIEW_ACTOR);

    @PersistenceContext
    EntityManager em;

    @Inject
    CampaignStart starter;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    MailboxService mailboxService;

    @Inject
    NotificationOutbox notifications;

    @Inject
    Recipients recipients;

    @Inject
    OrganisationRepository organisations;

    @Inject
    AuditLog audit;

    public List<Long> due(CampaignState state, Instant now) {
        if (state == CampaignState.SCHEDULED) {
            return em.createQuery("select c.id from ReviewCampaign c where c.state = :s and c.startsOn <= :today order by c.id", Long.class)
                    .setParameter("s", state).setParameter("today", UkTime.dateOf(now)).getResultList();
        }
        // the deadline day has ended in England: its next day has begun
        return em.createQuery("select c.id from ReviewCampaign c where c.state = :s and c.deadline < :today order by c.id", Long.class)
                .setParameter("s", state).setParameter("today", UkTime.dateOf(now)).getResultList();
    }

    public List<Long> remindable(Instant now) {
        return em.createQuery("select c.id from ReviewCampaign c where c.state = :s and c.deadline < :soon order by c.id", Long.class)
                .setParameter("s", CampaignState.OPEN)
                .setParameter("soon", UkTime.dateOf(now.plus(ReviewQueries.REMINDER_AHEAD))).getResultList();
    }

    public AtDeadline atDeadline(long campaignId) {
        return em.find(ReviewCampaign.class, campaignId).getAtDeadline();
    }

    public void start(long campaignId, Instant now) {
        ReviewCampaign campaign = em.find(ReviewCampaign.class, campaignId);
        if (campaign != null && campaign.getState() == CampaignState.SCHEDULED) {
            starter.start(campaign, now);
        }
    }

    /** Reminds each reviewer with lines still pending, once per campaign: owners by name, LOAs by area. */
    public int remind(long campaignId) {
        ReviewCampaign campaign = em.find(ReviewCampaign.class, campaignId);
        String deadline = UkTime.words(campaign.getDeadline());
        int sent = 0;
        @SuppressWarnings("unchecked")
        List<Object[]> owners = em.createNativeQuery("SELECT u.username, a.address, COUNT(*) FROM review_line l"
                        + " JOIN organisation p ON p.id = l.premises_id"
                        + " JOIN user_scope s ON (s.organisation_id = p.id OR s.organisation_id = p.parent_id)"
                        + " JOIN portal_user u ON u.id = s.user_id AND u.role = 'OWNER' AND u.enabled = TRUE"
                        + " JOIN personal_account a ON a.id = u.account_id"
                        + " WHERE l.campaign_id = ?1 AND l.decision IS NULL AND l.reviewer = 'OWNER' GROUP BY u.username, a.address")
                .setParameter(1, campaignId).getResultList();
        for (Object[] owner : owners) {
            if (notifications.notifyOnce("review:" + campaignId + ":" + owner[0], (String) owner[1], "reviewReminder",
                    campaign.getName(), ((Number) owner[2]).longValue(), deadline, campaignId)) {
                sent++;
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> areas = em.createNativeQuery("SELECT MIN(p.id), COUNT(*) FROM review_line l JOIN organisation p ON p.id = l.premises_id"
                        + " WHERE l.campaign_id = ?1 AND l.decision IS NULL AND l.reviewer = 'LOA' GROUP BY p.area_id")
                .setParameter(1, campaignId).getResultList();
        for (Object[] area : areas) {
            var premises = organisations.find(((Number) area[0]).longValue()).orElseThrow();
            for (String loa : recipients.inScope(Role.LOA, premises)) {
                if (notifications.notifyOnce("review:" + campaignId + ":" + loa, loa, "reviewReminderLoa", campaign.getName(),
                        deadline, campaignId)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    /** Keep-and-flag: every line still undecided, in one statement. */
    public int flagUndecided(long campaignId, Instant now) {
        return em.createNativeQuery("UPDATE review_line SET decision = 'FLAGGED', decision_reason = ?1, decided_by = ?2,"
                        + " decided_at = ?3, version = version + 1 WHERE campaign_id = ?4 AND decision IS NULL")
                .setParameter(1, NOT_REVIEWED).setParameter(2, system.username()).setParameter(3, Timestamp.from(now))
                .setParameter(4, campaignId).executeUpdate();
    }

    /**
     * Revoke: up to {@code max} undecided lines, each through the mailbox service as {@code system:review};
     * access that is no longer live, or whose removal would break the mailbox's minimum or leave it
     * with no owner, is kept and flagged with why. Returns how many lines were settled.
     */
    public int revokeUndecided(long campaignId, Instant now, int max) {
        List<ReviewLine> lines = em.createQuery("select l from ReviewLine l where l.campaignId = :c and l.decision is null"
                + " order by l.delegationId", ReviewLine.class).setParameter("c", campaignId).setMaxResults(max).getResultList();
        java.util.Map<Long, Delegation> delegations = mailboxes.delegationsWithParties(lines.stream().map(ReviewLine::getDelegationId).toList())
                .stream().collect(java.util.stream.Collectors.toMap(Delegation::getId, d -> d));
        for (ReviewLine line : lines) {
            Delegation delegation = delegations.get(line.getDelegationId());
            if (mailboxService.revokeUnreviewed(system, delegation, NOT_REVIEWED + " (access review " + campaignId + ")")) {
                line.decide(Decision.REVOKED_AT_DEADLINE, NOT_REVIEWED, system.username(), null, now);
            } else {
                line.decide(Decision.FLAGGED, delegation.isLiveAt(now)
                        ? NOT_REVIEWED + "; kept, as removing it would leave the mailbox below its minimum or with no owner"
                        : NOT_REVIEWED + "; the access had already ended", system.username(), null, now);
            }
        }
        return lines.size();
    }

    /** Closes the campaign once its lines are settled, audits the run, and schedules the next if it recurs. */
    public ReviewCampaign close(long campaignId, Instant now) {
        ReviewCampaign campaign = em.find(ReviewCampaign.class, campaignId);
        List<Object[]> counts = em.createQuery("select l.decision, count(l) from ReviewLine l where l.campaignId = :c group by l.decision",
                Object[].class).setParameter("c", campaignId).getResultList();
        campaign.closed(now);
        audit.record(new AuditEntry(system.username(), AuditAction.REVIEW_DEADLINE_RUN,
                new AuditTarget(AuditTargetType.REVIEW_CAMPAIGN, campaign.getId(), campaign.getName()),
                campaign.getScopeOrganisationIds().iterator().next(),
                Change.to(counts.stream().map(r -> r[0] + " " + r[1]).collect(java.util.stream.Collectors.joining(", "))),
                "Deadline " + UkTime.words(campaign.getDeadline()) + ": " + campaign.getAtDeadline()));
        if (campaign.getRecurMonths() != null) {
            ReviewCampaign next = campaign.next(now);
            em.persist(next);
            em.flush();
            audit.record(new AuditEntry(system.username(), AuditAction.REVIEW_CAMPAIGN_CREATED,
                    new AuditTarget(AuditTargetType.REVIEW_CAMPAIGN, next.getId(), next.getName()),
                    campaign.getScopeOrganisationIds().iterator().next(), Change.to(next.describe()), "Recurs after campaign " + campaignId));
        }
        return campaign;
    }
}
