package uk.nhs.pharmacy.portal.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.provisioning.MailSignIn;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;
import uk.nhs.pharmacy.portal.security.Role;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What reviewers and administrators read: campaigns they can see, a campaign's premises and
 * progress, a premises' worklist, and the evidence. Everything is narrowed to the reader's scope
 * in the database; a campaign with nothing in the reader's scope (and not theirs) is not found.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReviewQueries {

    /** How long before the deadline reviewers are reminded and, still pending, counted as overdue. */
    public static final Duration REMINDER_AHEAD = Duration.ofDays(7);

    @PersistenceContext
    EntityManager em;

    @Inject
    OrganisationRepository organisations;

    @Inject
    Authorizer authorizer;

    @Inject
    Clock clock;

    /** Counts of a campaign's lines by what became of them. */
    public record Counts(long total, long pending, long kept, long changed, long removed, long flagged) implements java.io.Serializable {
        static Counts of(Map<Decision, Long> byDecision, long pending) {
            long kept = byDecision.getOrDefault(Decision.KEEP, 0L);
            long changed = byDecision.getOrDefault(Decision.CHANGE, 0L);
            long removed = byDecision.getOrDefault(Decision.REMOVE, 0L) + byDecision.getOrDefault(Decision.REVOKED_AT_DEADLINE, 0L);
            long flagged = byDecision.getOrDefault(Decision.FLAGGED, 0L);
            return new Counts(pending + kept + changed + removed + flagged, pending, kept, changed, removed, flagged);
        }
    }

    public record AreaProgress(String area, Counts counts) implements java.io.Serializable {
    }

    public record Reviewer(String username, String name, long pending, boolean overdue) implements java.io.Serializable {
    }

    public record Progress(ReviewCampaign campaign, Counts counts, List<AreaProgress> byArea, List<Reviewer> reviewersWithPending)
            implements java.io.Serializable {
    }

    public record PremisesLines(String odsCode, String name, long total, long pending) implements java.io.Serializable {
    }

    public record EvidenceRow(String premisesCode, String premisesName, String person, String address, String access,
                              ReviewerKind reviewer, Decision decision, String reason, String decidedBy, String decidedFor,
                              Instant decidedAt) {
    }

    public List<ReviewCampaign> campaigns(@NotNull Actor actor, int first, int max) {
        return ScopeQuery.bind(em.createQuery("select c from ReviewCampaign c where " + visible(actor) + " order by c.id desc",
                ReviewCampaign.class), actor).setParameter("me", actor.username())
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long countCampaigns(@NotNull Actor actor) {
        return ScopeQuery.bind(em.createQuery("select count(c) from ReviewCampaign c where " + visible(actor), Long.class), actor)
                .setParameter("me", actor.username()).getSingleResult();
    }

    /** The campaign, if the reader may see it: theirs, national, or with a line in their scope. */
    public ReviewCampaign campaign(@NotNull Actor actor, long id) {
        List<ReviewCampaign> found = ScopeQuery.bind(em.createQuery("select c from ReviewCampaign c where c.id = :id and "
                + visible(actor), ReviewCampaign.class), actor).setParameter("me", actor.username()).setParameter("id", id)
                .getResultList();
        return found.stream().findFirst().orElseThrow(NotFound::new);
    }

    private static String visible(Actor actor) {
        return ScopeQuery.isUnlimited(actor) ? "(1 = 1 or c.createdBy = :me)"
                : "(c.createdBy = :me or exists (select l.delegationId from ReviewLine l, Organisation p where l.campaignId = c.id"
                + " and p.id = l.premisesId and " + ScopeQuery.condition(actor, "p") + "))";
    }

    public Progress progress(@NotNull Actor actor, long campaignId) {
        ReviewCampaign campaign = campaign(actor, campaignId);
        Map<Decision, Long> byDecision = new EnumMap<>(Decision.class);
        long pending = 0;
        for (Object[] row : lineQuery(actor, "select l.decision, count(l) from ReviewLine l join Organisation p on p.id = l.premisesId"
                + " where l.campaignId = :c and " + ScopeQuery.condition(actor, "p") + " group by l.decision", campaignId)) {
            if (row[0] == null) {
                pending = ((Number) row[1]).longValue();
            } else {
                byDecision.put((Decision) row[0], ((Number) row[1]).longValue());
            }
        }
        Map<String, Map<Decision, Long>> areas = new LinkedHashMap<>();
        Map<String, Long> areaPending = new LinkedHashMap<>();
        for (Object[] row : lineQuery(actor, "select a.name, l.decision, count(l) from ReviewLine l join Organisation p on p.id = l.premisesId"
                + " join Organisation a on p.area = a where l.campaignId = :c and " + ScopeQuery.condition(actor, "p")
                + " group by a.name, l.decision order by a.name", campaignId)) {
            String area = (String) row[0];
            areas.computeIfAbsent(area, k -> new EnumMap<>(Decision.class));
            if (row[1] == null) {
                areaPending.put(area, ((Number) row[2]).longValue());
            } else {
                areas.get(area).put((Decision) row[1], ((Number) row[2]).longValue());
            }
        }
        List<AreaProgress> byArea = areas.entrySet().stream()
                .map(e -> new AreaProgress(e.getKey(), Counts.of(e.getValue(), areaPending.getOrDefault(e.getKey(), 0L)))).toList();
        return new Progress(campaign, Counts.of(byDecision, pending), byArea, reviewersWithPending(actor, campaign));
    }

    private List<Object[]> lineQuery(Actor actor, String jpql, long campaignId) {
        return ScopeQuery.bind(em.createQuery(jpql, Object[].class), actor).setParameter("c", campaignId).getResultList();
    }

    /** Owners with lines still to decide in the reader's scope, most first; overdue once reminders have gone. */
    private List<Reviewer> reviewersWithPending(Actor actor, ReviewCampaign campaign) {
        boolean overdue = campaign.isOpen() && !clock.instant().isBefore(campaign.deadlineEnds().minus(REMINDER_AHEAD));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT u.username, u.display_name, COUNT(*) FROM review_line l"
                        + " JOIN organisation p ON p.id = l.premises_id"
                        + " JOIN user_scope s ON (s.organisation_id = p.id OR s.organisation_id = p.parent_id)"
                        + " JOIN portal_user u ON u.id = s.user_id AND u.role = 'OWNER' AND u.enabled = TRUE"
                        + " WHERE l.campaign_id = ?1 AND l.decision IS NULL AND l.reviewer = 'OWNER' AND " + ScopeQuery.sqlCondition(actor, "p")
                        + " GROUP BY u.username, u.display_name ORDER BY COUNT(*) DESC, u.username")
                .setParameter(1, campaign.getId()).setMaxResults(100).getResultList();
        return rows.stream().map(r -> new Reviewer((String) r[0], (String) r[1], ((Number) r[2]).longValue(), overdue)).toList();
    }

    /** The campaign's premises in the reader's scope, with their lines and how many are pending; pending first, then by name. */
    public List<PremisesLines> premises(@NotNull Actor actor, long campaignId, boolean pendingOnly, int first, int max) {
        campaign(actor, campaignId);
        return premisesSeen(actor, campaignId, pendingOnly, first, max);
    }

    /** {@link #premises} for a campaign the reader has already been shown (its progress). */
    List<PremisesLines> premisesSeen(Actor actor, long campaignId, boolean pendingOnly, int first, int max) {
        List<Object[]> rows = ScopeQuery.bind(em.createQuery("select p.odsCode, p.name, count(l), sum(case when l.decision is null then 1 else 0 end)"
                        + " from ReviewLine l join Organisation p on p.id = l.premisesId where l.campaignId = :c and "
                        + ScopeQuery.condition(actor, "p") + " group by p.odsCode, p.name"
                        + (pendingOnly ? " having sum(case when l.decision is null then 1 else 0 end) > 0" : "")
                        + " order by p.name", Object[].class), actor)
                .setParameter("c", campaignId).setFirstResult(first).setMaxResults(max).getResultList();
        return rows.stream().map(r -> new PremisesLines(((OdsCode) r[0]).value(), (String) r[1], ((Number) r[2]).longValue(),
                r[3] == null ? 0 : ((Number) r[3]).longValue())).toList();
    }

    public long countPremises(@NotNull Actor actor, long campaignId, boolean pendingOnly) {
        return ScopeQuery.bind(em.createQuery("select count(distinct l.premisesId) from ReviewLine l join Organisation p on p.id = l.premisesId"
                        + " where l.campaignId = :c and " + (pendingOnly ? "l.decision is null and " : "") + ScopeQuery.condition(actor, "p"),
                Long.class), actor).setParameter("c", campaignId).getSingleResult();
    }

    /** A premises' worklist with the campaign and the premises it belongs to. */
    public record Worklist(ReviewCampaign campaign, Organisation premises, List<WorkLine> lines) implements java.io.Serializable {
    }

    /** The worklist of one premises: found and in the reader's scope, else not found. */
    public List<WorkLine> worklist(@NotNull Actor actor, long campaignId, @NotNull OdsCode premisesCode) {
        return worklistOf(actor, campaignId, premisesCode).lines();
    }

    /**
     * {@link #worklist} with its campaign and premises. A premises in the reader's scope with lines in
     * the campaign makes the campaign visible to them; only a premises without lines needs the
     * campaign's own visibility asked (a reader with nothing in it gets not found).
     */
    public Worklist worklistOf(@NotNull Actor actor, long campaignId, @NotNull OdsCode premisesCode) {
        Organisation premises = authorizer.found(actor, Action.VIEW, organisations.findByOdsCode(premisesCode), o -> o);
        ReviewCampaign campaign = Optional.ofNullable(em.find(ReviewCampaign.class, campaignId)).orElseThrow(NotFound::new);
        List<WorkLine> lines = worklist(actor, campaign, premises);
        if (lines.isEmpty()) {
            campaign(actor, campaignId);
        }
        return new Worklist(campaign, premises, lines);
    }

    List<WorkLine> worklist(Actor actor, ReviewCampaign campaign, Organisation premises) {
        List<ReviewLine> lines = em.createQuery("select l from ReviewLine l where l.campaignId = :c and l.premisesId = :p", ReviewLine.class)
                .setParameter("c", campaign.getId()).setParameter("p", premises.getId()).getResultList();
        if (lines.isEmpty()) {
            return List.of();
        }
        // each access with its person, and the ids of the person's home and of its contractor, in one query
        Map<Long, Object[]> delegations = new java.util.HashMap<>();
        for (Object[] row : em.createQuery("select d, a, h.id, hp.id from Delegation d join d.account a join a.homeOrganisation h"
                        + " left join h.parent hp where d.id in :ids", Object[].class)
                .setParameter("ids", lines.stream().map(ReviewLine::getDelegationId).toList()).getResultList()) {
            delegations.put(((Delegation) row[0]).getId(), row);
        }
        Map<String, Instant> signIns = em.createQuery("select s from MailSignIn s where s.address in :addresses", MailSignIn.class)
                .setParameter("addresses", delegations.values().stream().map(r -> ((PersonalAccount) r[1]).getAddress().value())
                        .distinct().toList())
                .getResultList().stream().collect(Collectors.toMap(MailSignIn::getAddress, MailSignIn::getLastSignIn));
        Instant now = clock.instant();
        boolean mayReview = authorizer.may(actor, Action.REVIEW_ACCESS, premises);
        Long contractorId = premises.getParentId();
        List<WorkLine> work = new ArrayList<>();
        for (ReviewLine line : lines) {
            Object[] row = delegations.get(line.getDelegationId());
            Delegation d = (Delegation) row[0];
            PersonalAccount a = (PersonalAccount) row[1];
            Instant signIn = signIns.get(a.getAddress().value());
            boolean mayDecide = mayReview && campaign.isOpen() && line.isPending()
                    && !Objects.equals(actor.personalAccountId(), line.getAccountId())
                    && !(actor.is(Role.OWNER) && line.getReviewer() == ReviewerKind.LOA);
            work.add(new WorkLine(campaign.getId(), d.getId(), a.displayName(), a.getAddress().value(), a.getJobRole(), a.getStatus(),
                    homeHere((Long) row[2], (Long) row[3], premises.getId(), contractorId), d.getPermissions(), d.isOwner(),
                    d.getGrantedBy(), d.getGrantedAt(), d.getLastDay(),
                    d.isLiveAt(now), signIn, Recommendation.of(a.getStatus(), a.getJobRole(), d.getExpiresAt(), d.getGrantedAt(), signIn, now),
                    line.getReviewer(), line.getDecision(), line.getDecisionReason(), line.getDecidedBy(), line.getDecidedFor(),
                    line.getDecidedAt(), mayDecide));
        }
        work.sort(java.util.Comparator.comparing(WorkLine::person));
        return work;
    }

    /** The ODS code of the premises a line is for (the line found and in scope, else not found). */
    public OdsCode premisesOfLine(@NotNull Actor actor, long campaignId, long delegationId) {
        ReviewLine line = Optional.ofNullable(em.find(ReviewLine.class, new ReviewLineId(campaignId, delegationId))).orElseThrow(NotFound::new);
        return authorizer.found(actor, Action.VIEW, organisations.find(line.getPremisesId()), o -> o).getOdsCode();
    }

    /** Whether the person's home is still this premises' contractor: the premises, the contractor, or another of its premises. */
    private static boolean homeHere(Long homeId, Long homeParentId, Long premisesId, Long contractorId) {
        return homeId.equals(premisesId)
                || (contractorId != null && (homeId.equals(contractorId) || contractorId.equals(homeParentId)));
    }

    /**
     * The evidence: who reviewed what, when, the decision and its reason, for one premises (found and in
     * scope) or the whole campaign in the reader's scope, by premises and person, one page.
     */
    public List<EvidenceRow> evidence(@NotNull Actor actor, long campaignId, OdsCode premisesCode, int first, int max) {
        campaign(actor, campaignId);
        Optional<Organisation> premises = premisesCode == null ? Optional.empty()
                : Optional.of(authorizer.found(actor, Action.VIEW, organisations.findByOdsCode(premisesCode), o -> o));
        var query = ScopeQuery.bind(em.createQuery("select p.odsCode, p.name, l from ReviewLine l"
                        + " join Organisation p on p.id = l.premisesId where l.campaignId = :c and " + ScopeQuery.condition(actor, "p")
                        + (premises.isPresent() ? " and p.id = :premises" : "") + " order by p.name, l.delegationId", Object[].class), actor)
                .setParameter("c", campaignId);
        premises.ifPresent(p -> query.setParameter("premises", p.getId()));
        List<Object[]> rows = query.setFirstResult(first).setMaxResults(max).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Delegation> delegations = em.createQuery("select d from Delegation d join fetch d.account where d.id in :ids", Delegation.class)
                .setParameter("ids", rows.stream().map(r -> ((ReviewLine) r[2]).getDelegationId()).toList()).getResultList().stream()
                .collect(Collectors.toMap(Delegation::getId, Function.identity()));
        java.util.ResourceBundle words = java.util.ResourceBundle.getBundle("i18n.messages", java.util.Locale.UK);
        return rows.stream().map(r -> {
            ReviewLine l = (ReviewLine) r[2];
            Delegation d = delegations.get(l.getDelegationId());
            String access = d.getPermissions().stream().map(p -> words.getString("enum.Permission." + p.name()))
                    .collect(Collectors.joining(", ")) + (d.isOwner() ? ", " + words.getString("review.owner") : "");
            return new EvidenceRow(((OdsCode) r[0]).value(), (String) r[1], d.getAccount().displayName(),
                    d.getAccount().getAddress().value(), access, l.getReviewer(), l.getDecision(), l.getDecisionReason(),
                    l.getDecidedBy(), l.getDecidedFor(), l.getDecidedAt());
        }).toList();
    }
}
