package uk.nhs.pharmacy.portal.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.nhs.pharmacy.portal.audit.AuditAction;
import uk.nhs.pharmacy.portal.audit.AuditEntry;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.audit.AuditTarget;
import uk.nhs.pharmacy.portal.audit.AuditTargetType;
import uk.nhs.pharmacy.portal.audit.Change;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.MailboxRepository;
import uk.nhs.pharmacy.portal.mailbox.MailboxService;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.Reason;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;
import uk.nhs.pharmacy.portal.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Starting campaigns and deciding their lines. Scope first: a line of premises the caller may not
 * see is not found, a campaign over organisations outside the caller's scope too. Every decision
 * goes through the mailbox service (audit, outbox, the platform, the minimum and owner rules) and is
 * itself audited.
 */
@ApplicationScoped
@Transactional
public class ReviewService {

    public static final String REVIEW_ACTOR = "review";

    @PersistenceContext
    EntityManager em;

    @Inject
    OrganisationRepository organisations;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    MailboxService mailboxService;

    @Inject
    Authorizer authorizer;

    @Inject
    CampaignStart starter;

    @Inject
    ReviewQueries queries;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * A campaign over the given areas, contractors or premises, each of which the caller may manage
     * reviews of (an LOA: within their scope). Starting today makes its lines at once.
     */
    public ReviewCampaign create(@NotNull Actor actor, @NotNull @Valid CampaignInput input) {
        Set<Long> scope = new LinkedHashSet<>();
        for (OdsCode code : input.scope()) {
            Organisation organisation = authorizer.found(actor, Action.MANAGE_REVIEWS, organisations.findByOdsCode(code), o -> o);
            scope.add(organisation.getId());
        }
        Instant now = clock.instant();
        if (input.startsOn().isBefore(UkTime.today(clock))) {
            throw RuleViolation.because("refusal.review.startInThePast", UkTime.words(input.startsOn()));
        }
        ReviewCampaign campaign = new ReviewCampaign(input.name().strip(), scope, input.startsOn(), input.deadline(),
                input.atDeadline(), input.recurMonths(), actor.username(), now, null);
        em.persist(campaign);
        em.flush();
        audit.record(AuditEntry.by(actor, AuditAction.REVIEW_CAMPAIGN_CREATED,
                new AuditTarget(AuditTargetType.REVIEW_CAMPAIGN, campaign.getId(), campaign.getName()), scope.iterator().next(),
                Change.to(campaign.describe()), null));
        if (!input.startsOn().isAfter(UkTime.today(clock))) {
            starter.start(campaign, now);
        }
        return campaign;
    }

    /**
     * A reviewer's decision on one line: keep; change (a new last day, or none); or remove, with a
     * reason. Nobody decides on their own access; an owner decides only the lines that go to owners.
     * An LOA or the national team deciding an owner's line decides in the owners' place, and the
     * line says so.
     */
    public ReviewLine decide(@NotNull Actor actor, long campaignId, long delegationId, @NotNull Decision decision,
                             LocalDate lastDay, @Size(max = Reason.MAX, message = "is too long: at most {max} characters") String reason,
                             boolean confirmed) {
        ReviewLine line = decidableLine(actor, campaignId, delegationId);
        if (!decision.byReviewer()) {
            throw new InvalidValueException("validation.review.decision", decision + " is not a reviewer's decision");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (decision != Decision.KEEP && why == null) {
            throw RuleViolation.because("refusal.review.reasonNeeded");
        }
        Delegation delegation = mailboxes.findDelegation(delegationId).orElseThrow(NotFound::new);
        switch (decision) {
            case CHANGE -> mailboxService.setLastDayForReview(actor, delegation, lastDay, why);
            case REMOVE -> mailboxService.revokeForReview(actor, delegation, why, confirmed);
            default -> {
                // kept as it is
            }
        }
        record(actor, line, delegation, decision, why);
        return line;
    }

    /** Keeps every pending line of a premises that the caller may decide and whose recommendation is keep; how many. */
    public int keepRecommended(@NotNull Actor actor, long campaignId, @NotNull OdsCode premisesCode) {
        Organisation premises = authorizer.found(actor, Action.REVIEW_ACCESS, organisations.findByOdsCode(premisesCode), o -> o);
        ReviewCampaign campaign = openCampaign(campaignId);
        int kept = 0;
        for (WorkLine work : queries.worklist(actor, campaign, premises)) {
            if (work.mayDecide() && work.recommendation() == Recommendation.KEEP) {
                ReviewLine line = em.find(ReviewLine.class, new ReviewLineId(campaignId, work.delegationId()));
                Delegation delegation = mailboxes.findDelegation(work.delegationId()).orElseThrow(NotFound::new);
                record(actor, line, delegation, Decision.KEEP, "Recommended keep");
                kept++;
            }
        }
        return kept;
    }

    private void record(Actor actor, ReviewLine line, Delegation delegation, Decision decision, String reason) {
        Organisation premises = delegation.getMailbox().getPremises();
        String forWhom = line.getReviewer() == ReviewerKind.OWNER && !actor.is(Role.OWNER)
                ? "the owners of " + premises.getOdsCode().value() : null;
        line.decide(decision, reason, actor.username(), forWhom, clock.instant());
        audit.record(AuditEntry.by(actor, AuditAction.REVIEW_DECIDED,
                new AuditTarget(AuditTargetType.DELEGATION, delegation.getId(), delegation.getAccount().getAddress().value()),
                premises.getId(), Change.to("review " + line.getCampaignId() + ": " + decision
                + (forWhom == null ? "" : " (for " + forWhom + ")")), reason));
    }

    /** The line, found and in the caller's review scope, of an open campaign, and one the caller may decide. */
    private ReviewLine decidableLine(Actor actor, long campaignId, long delegationId) {
        ReviewLine line = authorizer.found(actor, Action.REVIEW_ACCESS,
                Optional.ofNullable(em.find(ReviewLine.class, new ReviewLineId(campaignId, delegationId))),
                l -> organisations.find(l.getPremisesId()).orElseThrow(NotFound::new));
        openCampaign(campaignId);
        if (actor.personalAccountId() != null && actor.personalAccountId().equals(line.getAccountId())) {
            throw RuleViolation.because("refusal.review.ownAccess");
        }
        if (actor.is(Role.OWNER) && line.getReviewer() == ReviewerKind.LOA) {
            throw RuleViolation.because("refusal.review.goesToTheLoa");
        }
        if (!line.isPending()) {
            throw RuleViolation.because("refusal.review.alreadyDecided", line.getDecidedBy(), UkTime.words(UkTime.dateOf(line.getDecidedAt())));
        }
        return line;
    }

    private ReviewCampaign openCampaign(long campaignId) {
        ReviewCampaign campaign = Optional.ofNullable(em.find(ReviewCampaign.class, campaignId)).orElseThrow(NotFound::new);
        if (!campaign.isOpen()) {
            throw RuleViolation.because("refusal.review.notOpen", campaign.getName(), campaign.getState());
        }
        return campaign;
    }
}
