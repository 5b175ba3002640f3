package uk.nhs.pharmacy.portal.it;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.account.AccountService;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.mailbox.ConfirmationNeeded;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.MailboxService;
import uk.nhs.pharmacy.portal.mailbox.Permission;
import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.notification.NotificationOutbox;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.provisioning.ProvisioningKind;
import uk.nhs.pharmacy.portal.review.AtDeadline;
import uk.nhs.pharmacy.portal.review.CampaignInput;
import uk.nhs.pharmacy.portal.review.CampaignState;
import uk.nhs.pharmacy.portal.review.Decision;
import uk.nhs.pharmacy.portal.review.Recommendation;
import uk.nhs.pharmacy.portal.review.ReviewCampaign;
import uk.nhs.pharmacy.portal.review.ReviewQueries;
import uk.nhs.pharmacy.portal.review.ReviewRun;
import uk.nhs.pharmacy.portal.review.ReviewService;
import uk.nhs.pharmacy.portal.review.ReviewerKind;
import uk.nhs.pharmacy.portal.review.WorkLine;
import uk.nhs.pharmacy.portal.security.AccessDeniedException;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Actors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Access review campaigns in the container, on the demo data: FFK43 is the Cohens branch at
 * Kearsley, owned by owner.cohens (the contractor) and owner.kearsley (the branch), who also has access
 * to its mailbox. Campaigns here end a month ahead unless a test runs a deadline, whose campaigns end
 * tomorrow, so the runs do not settle each other's campaigns.
 */
abstract class ReviewServiceChecks extends RequestServiceChecks {


    @Inject
    ReviewService reviews;

    @Inject
    ReviewQueries queries;

    @Inject
    ReviewRun run;

    @Inject
    MailboxService mailboxes;

    @Inject
    AccountService accounts;

    @Inject
    NotificationOutbox notifications;

    @Inject
    Actors actors;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction tx;

    private Actor actor(String username) {
        return actors.forUsername(username).orElseThrow();
    }

    private LocalDate today() {
        return UkTime.today(clock);
    }

    private SharedMailbox mailboxOf(String ods) {
        return em.createQuery("select m from SharedMailbox m where m.premises.odsCode = :code and m.status = "
                        + "uk.nhs.pharmacy.portal.mailbox.MailboxStatus.ACTIVE", SharedMailbox.class)
                .setParameter("code", OdsCode.premises(ods)).getSingleResult();
    }

    private Delegation grantLocum(String ods, String lastName, LocalDate lastDay) {
        Organisation premises = mailboxOf(ods).getPremises();
        PersonalAccount locum = accounts.create(actor("national"), premises.getId(), "Review", lastName, JobRole.LOCUM_PHARMACIST, false);
        return mailboxes.grant(actor("national"), mailboxOf(ods).getId(), locum.getId(), Set.of(Permission.FULL_ACCESS), false,
                lastDay, "Cover");
    }

    private ReviewCampaign campaign(String by, String name, LocalDate deadline, AtDeadline rule, Integer recur, String... ods) {
        return reviews.create(actor(by), new CampaignInput(name, java.util.Arrays.stream(ods).map(OdsCode::of).toList(), today(),
                deadline, rule, recur));
    }

    private WorkLine line(String by, ReviewCampaign campaign, String ods, String address) {
        return queries.worklist(actor(by), campaign.getId(), OdsCode.of(ods)).stream().filter(l -> l.address().equals(address))
                .findFirst().orElseThrow();
    }

    private long liveCount(SharedMailbox mailbox) {
        return em.createQuery("select count(d) from Delegation d where d.mailbox.id = :m and d.revokedAt is null", Long.class)
                .setParameter("m", mailbox.getId()).getSingleResult();
    }

    @Test
    void aCampaignHasALineForEachLiveAccessAndAnOwnersOwnAccessGoesToTheLoa() {
        SharedMailbox kearsley = mailboxOf("FFK43");
        long live = liveCount(kearsley);
        ReviewCampaign campaign = campaign("loa.gm", "Kearsley lines", today().plusDays(30), AtDeadline.KEEP_AND_FLAG, null, "FFK43");
        assertThat(campaign.getState()).isEqualTo(CampaignState.OPEN);
        assertThat(campaign.getLinesTotal()).isEqualTo(live);
        List<WorkLine> lines = queries.worklist(actor("owner.kearsley"), campaign.getId(), OdsCode.of("FFK43"));
        assertThat(lines).hasSize((int) live);
        WorkLine own = lines.stream().filter(l -> l.address().equals("zainab.whitworth@nhs.net")).findFirst().orElseThrow();
        assertThat(own.reviewer()).as("an owner's own access goes to the LOA").isEqualTo(ReviewerKind.LOA);
        assertThat(own.mayDecide()).isFalse();
        assertThat(own.homeHere()).isTrue();
        assertThat(lines).filteredOn(l -> !l.address().equals("zainab.whitworth@nhs.net"))
                .allSatisfy(l -> assertThat(l.reviewer()).isEqualTo(ReviewerKind.OWNER));
        assertThat(own.recommendation()).as("granted 400 days ago").isEqualTo(Recommendation.GRANTED_OVER_12_MONTHS_AGO);
        assertThat(em.createQuery("select e.action from AuditEvent e where e.targetType = 'REVIEW_CAMPAIGN' and e.targetId = :id"
                + " order by e.id", String.class).setParameter("id", campaign.getId()).getResultList())
                .containsExactly("REVIEW_CAMPAIGN_CREATED", "REVIEW_CAMPAIGN_STARTED");
        // and its own access cannot be decided by its owner, whichever way they try
        RuleViolation self = assertThrows(RuleViolation.class, () -> reviews.decide(actor("owner.kearsley"), campaign.getId(),
                own.delegationId(), Decision.KEEP, null, null, false));
        assertThat(self.key()).isEqualTo("refusal.review.ownAccess");
        RuleViolation loaLine = assertThrows(RuleViolation.class, () -> reviews.decide(actor("owner.cohens"), campaign.getId(),
                own.delegationId(), Decision.KEEP, null, null, false));
        assertThat(loaLine.key()).isEqualTo("refusal.review.goesToTheLoa");
        reviews.decide(actor("loa.gm"), campaign.getId(), own.delegationId(), Decision.KEEP, null, "Still the branch manager", false);
        WorkLine decided = line("loa.gm", campaign, "FFK43", "zainab.whitworth@nhs.net");
        assertThat(decided.decision()).isEqualTo(Decision.KEEP);
        assertThat(decided.decidedBy()).isEqualTo("loa.gm");
        assertThat(decided.decidedFor()).as("the LOA's own line").isNull();
    }

    @Test
    void scopeComesFirstWhenCreatingAndDeciding() {
        assertThrows(NotFound.class, () -> campaign("loa.bolton", "Not mine", today().plusDays(30), AtDeadline.KEEP_AND_FLAG, null, "FA064"));
        assertThrows(NotFound.class, () -> campaign("loa.gm", "Missing", today().plusDays(30), AtDeadline.KEEP_AND_FLAG, null, "FZZ99"));
        assertThrows(AccessDeniedException.class, () -> campaign("owner.cohens", "Owners do not start campaigns", today().plusDays(30),
                AtDeadline.KEEP_AND_FLAG, null, "FA064"));
        ReviewCampaign campaign = campaign("loa.gm", "Bury premises", today().plusDays(30), AtDeadline.KEEP_AND_FLAG, null, "FA064");
        WorkLine any = queries.worklist(actor("loa.gm"), campaign.getId(), OdsCode.of("FA064")).get(0);
        assertThrows(NotFound.class, () -> reviews.decide(actor("loa.bolton"), campaign.getId(), any.delegationId(), Decision.KEEP,
                null, null, false));
        assertThrows(NotFound.class, () -> reviews.decide(actor("owner.a1"), campaign.getId(), any.delegationId(), Decision.KEEP,
                null, null, false));
        assertThrows(NotFound.class, () -> queries.worklist(actor("owner.a1"), campaign.getId(), OdsCode.of("FA064")));
        assertThrows(NotFound.class, () -> queries.campaign(actor("loa.bolton"), campaign.getId()),
                "a campaign with nothing in the reader's scope is not found");
        assertThat(line("loa.gm", campaign, "FA064", any.address()).pending()).as("nothing decided").isTrue();
        RuleViolation past = assertThrows(RuleViolation.class, () -> reviews.create(actor("loa.gm"), new CampaignInput("Past",
                List.of(OdsCode.of("FA064")), today().minusDays(1), today().plusDays(3), AtDeadline.REVOKE, null)));
        assertThat(past.key()).isEqualTo("refusal.review.startInThePast");
    }

    @Test
    void decisionsApplyThroughTheMailboxServiceAndAreAudited() {
        Delegation leaving = grantLocum("FFK43", "Leavingsoon", today().plusDays(40));
        Delegation staying = grantLocum("FFK43", "Stayingon", null);
        ReviewCampaign campaign = campaign("national", "Decisions", today().plusDays(30), AtDeadline.KEEP_AND_FLAG, null, "FFK43");
        String leaver = leaving.getAccount().getAddress().value();
        String stayer = staying.getAccount().getAddress().value();
        assertThat(line("owner.kearsley", campaign, "FFK43", stayer).recommendation()).isEqualTo(Recommendation.LOCUM_WITH_NO_LAST_DAY);

        RuleViolation noReason = assertThrows(RuleViolation.class, () -> reviews.decide(actor("owner.kearsley"), campaign.getId(),
                leaving.getId(), Decision.REMOVE, null, " ", false));
        assertThat(noReason.key()).isEqualTo("refusal.review.reasonNeeded");
        reviews.decide(actor("owner.kearsley"), campaign.getId(), leaving.getId(), Decision.REMOVE, null, "Cover ended early", false);
        Delegation removed = em.find(Delegation.class, leaving.getId());
        assertThat(removed.isRevoked()).isTrue();
        assertThat(removed.getRevokedBy()).isEqualTo("owner.kearsley");
        assertThat(em.createQuery("select count(e) from ProvisioningEvent e where e.accountAddress = :who and e.kind = :kind", Long.class)
                .setParameter("who", leaver).setParameter("kind", ProvisioningKind.ACCESS_REVOKED).getSingleResult()).isEqualTo(1L);

        LocalDate lastDay = today().plusDays(60);
        reviews.decide(actor("owner.kearsley"), campaign.getId(), staying.getId(), Decision.CHANGE, lastDay, "Cover ends in two months", false);
        assertThat(em.find(Delegation.class, staying.getId()).getLastDay()).isEqualTo(lastDay);
        RuleViolation twice = assertThrows(RuleViolation.class, () -> reviews.decide(actor("loa.gm"), campaign.getId(), staying.getId(),
                Decision.KEEP, null, null, false));
        assertThat(twice.key()).isEqualTo("refusal.review.alreadyDecided");
        RuleViolation removedTwice = assertThrows(RuleViolation.class, () -> reviews.decide(actor("loa.gm"), campaign.getId(),
                leaving.getId(), Decision.REMOVE, null, "Again", true));
        assertThat(removedTwice.key()).as("the line's own refusal, before the mailbox's").isEqualTo("refusal.review.alreadyDecided");

        assertThat(em.createQuery("select e.actor, e.after, e.reason from AuditEvent e where e.action = 'REVIEW_DECIDED'"
                        + " and e.targetId in :ids order by e.id", Object[].class)
                .setParameter("ids", List.of(leaving.getId(), staying.getId())).getResultList())
                .extracting(r -> r[0] + "|" + r[1] + "|" + r[2])
                .containsExactly("owner.kearsley|review " + campaign.getId() + ": REMOVE|Cover ended early",
                        "owner.kearsley|review " + campaign.getId() + ": CHANGE|Cover ends in two months");

        // an LOA deciding an owner's line decides in the owners' place
        WorkLine other = queries.worklist(actor("loa.gm"), campaign.getId(), OdsCode.of("FFK43")).stream()
                .filter(l -> l.pending() && l.reviewer() == ReviewerKind.OWNER).findFirst().orElseThrow();
        reviews.decide(actor("loa.gm"), campaign.getId(), other.delegationId(), Decision.KEEP, null, null, false);
        assertThat(line("loa.gm", campaign, "FFK43", other.address()).decidedFor()).isEqualTo("the owners of FFK43");
    }

    @Test
    void aRemovalBelowTheMinimumNeedsConfirmingAsAnyRevokeDoes() {
        SharedMailbox mailbox = freshMailbox();
        Delegation first = grantLocum(mailbox, "Minimumone");
        grantLocum(mailbox, "Minimumtwo");
        ReviewCampaign campaign = campaign("loa.gm", "Minimum", today().plusDays(30), AtDeadline.KEEP_AND_FLAG, null,
                mailbox.getPremises().getOdsCode().value());
        ConfirmationNeeded refused = assertThrows(ConfirmationNeeded.class, () -> reviews.decide(actor("loa.gm"), campaign.getId(),
                first.getId(), Decision.REMOVE, null, "Tidy", false));
        assertThat(refused.key()).isEqualTo("confirm.revokeBelowMinimum");
        assertThat(line("loa.gm", campaign, mailbox.getPremises().getOdsCode().value(), first.getAccount().getAddress().value())
                .pending()).as("refused, nothing decided").isTrue();
        assertThat(liveCount(mailbox)).isEqualTo(2);
        reviews.decide(actor("loa.gm"), campaign.getId(), first.getId(), Decision.REMOVE, null, "Tidy", true);
        assertThat(liveCount(mailbox)).isEqualTo(1);
        assertThat(em.createQuery("select e.after from AuditEvent e where e.action = 'DELEGATION_REVOKED' and e.targetId = :id",
                String.class).setParameter("id", first.getId()).getSingleResult()).contains("confirmed");
    }

    @Test
    void keepEveryLineRecommendedKeepLeavesTheOthersToDecide() {
        Delegation fresh = grantLocum("FA064", "Recentcover", today().plusDays(20));
        Delegation openEnded = grantLocum("FA064", "Openended", null);
        ReviewCampaign campaign = campaign("loa.gm", "Keep recommended", today().plusDays(30), AtDeadline.KEEP_AND_FLAG, null, "FA064");
        int kept = reviews.keepRecommended(actor("owner.cohens"), campaign.getId(), OdsCode.of("FA064"));
        List<WorkLine> after = queries.worklist(actor("owner.cohens"), campaign.getId(), OdsCode.of("FA064"));
        assertThat(kept).isEqualTo(after.stream().filter(l -> l.decision() == Decision.KEEP).count()).isPositive();
        assertThat(after).filteredOn(l -> l.delegationId() == fresh.getId()).singleElement()
                .satisfies(l -> assertThat(l.decision()).isEqualTo(Decision.KEEP));
        assertThat(after).filteredOn(l -> l.delegationId() == openEnded.getId()).singleElement()
                .satisfies(l -> assertThat(l.pending()).as("a locum with no last day waits for a decision").isTrue());
        assertThat(after).filteredOn(l -> l.recommendation() != Recommendation.KEEP).allSatisfy(l -> assertThat(l.pending()).isTrue());
    }

    @Test
    void theDeadlineKeepsAndFlagsWhatNobodyReviewedOnceAndRemindsReviewersBefore() {
        ReviewCampaign campaign = campaign("loa.gm", "Flag at deadline", today().plusDays(1), AtDeadline.KEEP_AND_FLAG, null, "FFK43");
        Instant now = clock.instant();
        run.runDue(now);
        String zainab = "zainab.whitworth@nhs.net";
        String colin = "colin.cohen@nhs.net";
        assertThat(notifications.to(colin, 20)).filteredOn(n -> n.getSubject().contains("Flag at deadline")).hasSize(1);
        run.runDue(now);
        assertThat(notifications.to(colin, 20)).as("once per campaign").filteredOn(n -> n.getSubject().contains("Flag at deadline")).hasSize(1);
        assertThat(notifications.to(zainab, 20)).filteredOn(n -> n.getSubject().contains("Flag at deadline")).hasSize(1);

        long live = liveCount(mailboxOf("FFK43"));
        run.runDue(now.plus(Duration.ofDays(3)));
        run.runDue(now.plus(Duration.ofDays(3)));
        ReviewCampaign closed = queries.campaign(actor("national"), campaign.getId());
        assertThat(closed.getState()).isEqualTo(CampaignState.CLOSED);
        assertThat(queries.worklist(actor("loa.gm"), campaign.getId(), OdsCode.of("FFK43")))
                .allSatisfy(l -> assertThat(l.decision()).isEqualTo(Decision.FLAGGED));
        assertThat(liveCount(mailboxOf("FFK43"))).as("nothing taken away").isEqualTo(live);
        assertThat(em.createQuery("select e.actor from AuditEvent e where e.action = 'REVIEW_DEADLINE_RUN' and e.targetId = :id",
                String.class).setParameter("id", campaign.getId()).getResultList()).containsExactly("system:review");
        RuleViolation late = assertThrows(RuleViolation.class, () -> reviews.decide(actor("loa.gm"), campaign.getId(),
                queries.worklist(actor("loa.gm"), campaign.getId(), OdsCode.of("FFK43")).get(0).delegationId(), Decision.KEEP, null, null, false));
        assertThat(late.key()).isEqualTo("refusal.review.notOpen");
    }

    @Test
    void theDeadlineRevokesWhatNobodyReviewedButKeepsTheMinimumAndTheCampaignRecurs() {
        SharedMailbox mailbox = freshMailbox();
        Delegation kept = grantLocum(mailbox, "Reviewedkeep");
        for (String name : List.of("Unreviewedone", "Unreviewedtwo", "Unreviewedthree")) {
            grantLocum(mailbox, name);
        }
        String ods = mailbox.getPremises().getOdsCode().value();
        ReviewCampaign campaign = campaign("national", "Revoke at deadline", today().plusDays(1), AtDeadline.REVOKE, 6, ods);
        assertThat(queries.worklist(actor("national"), campaign.getId(), OdsCode.of(ods)))
                .as("no owner: every line goes to the LOA").allSatisfy(l -> assertThat(l.reviewer()).isEqualTo(ReviewerKind.LOA));
        reviews.decide(actor("national"), campaign.getId(), kept.getId(), Decision.KEEP, null, null, false);

        run.runDue(clock.instant().plus(Duration.ofDays(3)));
        List<WorkLine> after = queries.worklist(actor("national"), campaign.getId(), OdsCode.of(ods));
        assertThat(after).filteredOn(l -> l.decision() == Decision.REVOKED_AT_DEADLINE).hasSize(2)
                .allSatisfy(l -> assertThat(em.find(Delegation.class, l.delegationId()).getRevokedBy()).isEqualTo("system:review"));
        assertThat(after).filteredOn(l -> l.decision() == Decision.FLAGGED).as("kept for the minimum of 2").hasSize(1)
                .allSatisfy(l -> assertThat(l.decisionReason()).contains("minimum"));
        assertThat(liveCount(mailbox)).isEqualTo(2);
        assertThat(em.find(Delegation.class, kept.getId()).isRevoked()).isFalse();
        ReviewCampaign next = em.createQuery("select c from ReviewCampaign c where c.previousId = :id", ReviewCampaign.class)
                .setParameter("id", campaign.getId()).getSingleResult();
        assertThat(next.getState()).isEqualTo(CampaignState.SCHEDULED);
        assertThat(next.getStartsOn()).isEqualTo(today().plusMonths(6));
        assertThat(next.getDeadline()).isEqualTo(today().plusDays(1).plusMonths(6));
        assertThat(next.getScopeOrganisationIds()).isEqualTo(campaign.getScopeOrganisationIds());
        assertThat(em.createQuery("select count(e) from AuditEvent e where e.action = 'REVIEW_DEADLINE_RUN' and e.targetId = :id",
                Long.class).setParameter("id", campaign.getId()).getSingleResult()).as("once").isEqualTo(1L);

        // on its day the next one starts by itself, over the access live then
        run.runDue(UkTime.endOf(today().plusMonths(6)).minus(Duration.ofHours(12)));
        ReviewCampaign started = queries.campaign(actor("national"), next.getId());
        assertThat(started.getState()).isEqualTo(CampaignState.OPEN);
        assertThat(started.getLinesTotal()).isEqualTo(2);
    }

    private static final java.util.concurrent.atomic.AtomicInteger PREMISES = new java.util.concurrent.atomic.AtomicInteger(
            (int) (System.nanoTime() % 500));

    /** A premises of its own in Bury, with no contractor and so no owner, and its mailbox with nobody on it yet. */
    private SharedMailbox freshMailbox() {
        Organisation bury = mailboxOf("FA064").getPremises().getArea();
        String code = String.format("FZ%03d", PREMISES.incrementAndGet() % 1000);
        long premisesId = Transactions.fresh(tx, () -> {
            Organisation premises = Organisation.premises(OdsCode.premises(code), "Review Test Pharmacy " + code, "1 Test Street",
                    uk.nhs.pharmacy.portal.organisation.Postcode.of("BL9 0AA"), em.merge(bury), null);
            em.persist(premises);
            return premises.getId();
        });
        long mailboxId = mailboxes.createMailbox(actor("national"), premisesId, "Review test").getId();
        return em.find(SharedMailbox.class, mailboxId);
    }

    private Delegation grantLocum(SharedMailbox mailbox, String lastName) {
        PersonalAccount locum = accounts.create(actor("national"), mailbox.getPremises().getId(), "Review", lastName,
                JobRole.LOCUM_PHARMACIST, false);
        return mailboxes.grant(actor("national"), mailbox.getId(), locum.getId(), Set.of(Permission.FULL_ACCESS), false, null, "Cover");
    }
}
