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
import uk.nhs.pharmacy.portal.organisation.AreaTree;
import uk.nhs.pharmacy.portal.security.Scope;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Makes a campaign's lines: every access live at its start to a premises mailbox in its scope, in one
 * statement (a national campaign is tens of thousands of lines). Each line's reviewer is the
 * premises' owners, unless it has none or the access is one of its owners' own: then the LOA.
 */
@ApplicationScoped
public class CampaignStart {

    /** Owners of premises {@code p}: portal users with the owner role whose scope holds the premises or its contractor. */
    private static final String OWNER_OF_P = "SELECT 1 FROM portal_user u JOIN user_scope s ON s.user_id = u.id"
            + " WHERE u.role = 'OWNER' AND u.enabled = TRUE AND (s.organisation_id = p.id OR s.organisation_id = p.parent_id)";

    @PersistenceContext
    EntityManager em;

    @Inject
    AreaTree areas;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public long start(ReviewCampaign campaign, Instant now) {
        int lines = em.createNativeQuery("INSERT INTO review_line (campaign_id, delegation_id, premises_id, account_id, reviewer, version)"
                        + " SELECT ?1, d.id, p.id, d.account_id, CASE WHEN EXISTS (" + OWNER_OF_P
                        + " AND (u.account_id IS NULL OR u.account_id <> d.account_id)) AND NOT EXISTS (" + OWNER_OF_P
                        + " AND u.account_id = d.account_id) THEN 'OWNER' ELSE 'LOA' END, 1"
                        + " FROM delegation d JOIN shared_mailbox m ON m.id = d.mailbox_id JOIN organisation p ON p.id = m.premises_id"
                        + " WHERE " + Delegation.liveSql("d", "?2") + " AND p.kind = 'PREMISES' AND " + ScopeQuery.sqlCondition(scopeOf(campaign), "p")
                        + " AND NOT EXISTS (SELECT 1 FROM review_line r WHERE r.campaign_id = ?1 AND r.delegation_id = d.id)")
                .setParameter(1, campaign.getId()).setParameter(2, Timestamp.from(now)).executeUpdate();
        campaign.started(lines);
        audit.record(new AuditEntry("system:" + ReviewService.REVIEW_ACTOR, AuditAction.REVIEW_CAMPAIGN_STARTED,
                new AuditTarget(AuditTargetType.REVIEW_CAMPAIGN, campaign.getId(), campaign.getName()),
                campaign.getScopeOrganisationIds().iterator().next(), Change.to(lines + " lines"), null));
        return lines;
    }

    /** The campaign's organisations as a scope: areas expanded to every nested area, the rest as they are. */
    Scope scopeOf(ReviewCampaign campaign) {
        Set<Long> areaRoots = new HashSet<>();
        Set<Long> others = new HashSet<>();
        for (Long id : campaign.getScopeOrganisationIds()) {
            (areas.isArea(id) ? areaRoots : others).add(id);
        }
        return new Scope(areas.expand(areaRoots), others);
    }
}
