package uk.nhs.pharmacy.portal.it;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.audit.AuditEvent;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.audit.AuditQuery;
import uk.nhs.pharmacy.portal.deputy.DeputyInput;
import uk.nhs.pharmacy.portal.deputy.DeputyQueries;
import uk.nhs.pharmacy.portal.deputy.DeputyService;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.MailboxService;
import uk.nhs.pharmacy.portal.mailbox.Permission;
import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.notification.Notification;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.request.AccessRequest;
import uk.nhs.pharmacy.portal.request.Recipients;
import uk.nhs.pharmacy.portal.request.RequestKind;
import uk.nhs.pharmacy.portal.request.RequestService;
import uk.nhs.pharmacy.portal.request.RequestState;
import uk.nhs.pharmacy.portal.security.AccessDeniedException;
import uk.nhs.pharmacy.portal.security.AccessPolicy;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Actors;
import uk.nhs.pharmacy.portal.security.DeputyAppointment;
import uk.nhs.pharmacy.portal.security.OrganisationPlace;
import uk.nhs.pharmacy.portal.security.PortalUser;
import uk.nhs.pharmacy.portal.security.UserRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Deputies for an LOA on leave, in the container (run by {@link InContainerIT}): loa.salford stands
 * in for loa.bolton. The deputy's scope starts and ends with the clock (asked of other instants,
 * as the services' clock cannot be moved here), a running deputy approves a request in the
 * delegated part and is audited "for" loa.bolton, and what a deputy may not do is refused.
 */
abstract class DeputyChecks extends ServiceMatrixChecks {

    @Inject
    DeputyService deputies;

    @Inject
    DeputyQueries deputyQueries;

    @Inject
    Actors actors;

    @Inject
    UserRepository users;

    @Inject
    RequestService requests;

    @Inject
    MailboxService mailboxes;

    @Inject
    Recipients recipients;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction tx;

    private Actor deputyActor(String username) {
        return actors.forUsername(username).orElseThrow();
    }

    private <T> T freshly(java.util.function.Supplier<T> read) {
        return Transactions.fresh(tx, read);
    }

    private OrganisationPlace place(String ods) {
        return freshly(() -> OrganisationPlace.of(em.createQuery("select o from Organisation o where o.odsCode = :c",
                Organisation.class).setParameter("c", OdsCode.of(ods)).getSingleResult()));
    }

    private Actor salfordAt(Instant when) {
        PortalUser salford = freshly(() -> users.findByUsername("loa.salford").orElseThrow());
        return freshly(() -> actors.forUser(salford, when));
    }

    private List<AuditEvent> audit(String action, long targetId) {
        return freshly(() -> em.createQuery("select e from AuditEvent e where e.action = :a and e.targetId = :id order by e.id",
                AuditEvent.class).setParameter("a", action).setParameter("id", targetId).getResultList());
    }

    private LocalDate today() {
        return UkTime.today(clock);
    }

    @Test
    void aDeputysScopeStartsAndEndsWithTheClockAndEndsEarlyWhenTheAbsentLoaSays() {
        OrganisationPlace fm664 = place("FM664");
        DeputyAppointment a = deputies.appoint(deputyActor("loa.bolton"), new DeputyInput(null, "loa.salford",
                today().plusDays(2), today().plusDays(4), List.of(), "Annual leave"));
        Instant starts = UkTime.startOf(today().plusDays(2));
        Instant ends = UkTime.endOf(today().plusDays(4));

        assertThat(salfordAt(starts.minusSeconds(1)).scope().covers(fm664)).as("not before the first day").isFalse();
        Actor running = salfordAt(starts);
        assertThat(running.scope().covers(fm664)).as("from the start of the first day").isTrue();
        assertThat(running.ownScope().covers(fm664)).isFalse();
        assertThat(running.actingFor(fm664)).contains("loa.bolton");
        assertThat(AccessPolicy.allows(running, Action.APPROVE_REQUEST, fm664)).isTrue();
        assertThat(AccessPolicy.allows(running, Action.MANAGE_ACCESS, fm664)).isTrue();
        assertThat(AccessPolicy.allows(running, Action.APPOINT_DEPUTY, fm664)).as("no deputies of deputies").isFalse();
        assertThat(salfordAt(ends.minusSeconds(1)).scope().covers(fm664)).as("to the end of the last day").isTrue();
        assertThat(salfordAt(ends).scope().covers(fm664)).as("and not after").isFalse();
        assertThat(AccessPolicy.allows(salfordAt(ends), Action.APPROVE_REQUEST, fm664)).isFalse();

        assertThat(audit("DEPUTY_APPOINTED", a.getId())).singleElement().satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("loa.bolton");
            assertThat(e.getReason()).isEqualTo("Annual leave");
            assertThat(e.getAfter()).contains("loa.salford deputises for loa.bolton");
        });
        assertThat(deputyQueries.page(deputyActor("loa.salford"), DeputyQueries.Show.CURRENT, 0, 50))
                .as("the deputy sees it").extracting(DeputyAppointment::getId).contains(a.getId());
        assertThat(deputyQueries.page(deputyActor("owner.a1"), DeputyQueries.Show.ALL, 0, 50))
                .extracting(DeputyAppointment::getId).doesNotContain(a.getId());
        assertThrows(NotFound.class, () -> deputies.end(deputyActor("owner.a1"), a.getId()), "out of sight is missing");
        assertThrows(AccessDeniedException.class, () -> deputies.end(deputyActor("loa.salford"), a.getId()));

        deputies.end(deputyActor("loa.bolton"), a.getId());
        assertThat(salfordAt(starts.plusSeconds(3600)).scope().covers(fm664)).as("ended early: no longer").isFalse();
        assertThat(audit("DEPUTY_ENDED", a.getId())).singleElement()
                .satisfies(e -> assertThat(e.getAfter()).contains("ended by loa.bolton"));
        assertThrows(RuleViolation.class, () -> deputies.end(deputyActor("loa.bolton"), a.getId()));
    }

    @Test
    void aRunningDeputyIsToldApprovesARequestForTheAbsentLoaAndMayNotHandTheScopeOn() {
        OrganisationPlace fm664 = place("FM664");
        String sana = recipients.of("loa.salford").orElseThrow();
        DeputyAppointment a = deputies.appoint(deputyActor("loa.bolton"), new DeputyInput(null, "loa.salford", today(),
                today().plusDays(7), List.of(OdsCode.premises("FM664")), "Ben's leave, A1 only"));
        Actor deputy = deputyActor("loa.salford");
        assertThat(deputy.deputyships()).singleElement().satisfies(d -> assertThat(d.absentUsername()).isEqualTo("loa.bolton"));
        assertThat(deputy.scope().covers(fm664)).isTrue();
        assertThat(deputy.scope().covers(place("FFK43"))).as("another Bolton premises is not in the part").isFalse();

        AccessRequest submitted = requests.submit(deputyActor("owner.a1"), new RequestService.RequestInput(RequestKind.GRANT,
                OdsCode.premises("FM664"), null, "Dee", "Putyapproved", JobRole.LOCUM_PHARMACIST, null,
                EnumSet.of(Permission.FULL_ACCESS), false, today().plusDays(5), null, null, "Cover while Ben is away"));
        assertThat(freshly(() -> em.createQuery("select n from Notification n where n.recipient = :to", Notification.class)
                .setParameter("to", sana).getResultList()))
                .as("the deputy is told of a request in the delegated part")
                .anyMatch(n -> n.getSubject().contains("Access request " + submitted.getId() + " "));

        AccessRequest approved = requests.approve(deputy, submitted.getId(), false, "Agreed for Ben");
        assertThat(approved.getState()).isEqualTo(RequestState.APPLIED);
        assertThat(approved.getDecidedBy()).isEqualTo("loa.salford");
        assertThat(audit("REQUEST_APPROVED", submitted.getId())).singleElement().satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("loa.salford");
            assertThat(e.getActingFor()).as("done by the deputy for the absent LOA").isEqualTo("loa.bolton");
        });
        assertThat(auditLog.search(deputyActor("loa.gm"), new AuditQuery(null, null, "loa.bolton", null, null), 0, 100))
                .as("the absent LOA's name finds what was done for them")
                .anyMatch(e -> "REQUEST_APPROVED".equals(e.getAction()) && e.getTargetId() == submitted.getId());

        assertThrows(AccessDeniedException.class, () -> deputies.appoint(deputy, new DeputyInput(null, "loa.gm", today(),
                today().plusDays(2), List.of(OdsCode.premises("FM664")), "Passing it on")), "a deputy appoints no deputies with it");

        long sanasAccount = freshly(() -> users.findByUsername("loa.salford").orElseThrow().getPersonalAccountId());
        SharedMailbox fm664Mailbox = freshly(() -> em.createQuery("select m from SharedMailbox m where m.premises.odsCode = :c",
                SharedMailbox.class).setParameter("c", OdsCode.premises("FM664")).getSingleResult());
        Delegation sanasAccess = mailboxes.grant(deputyActor("loa.bolton"), fm664Mailbox.getId(), sanasAccount,
                EnumSet.of(Permission.FULL_ACCESS), false, today().plusDays(3), "To help with the backlog");
        RuleViolation own = assertThrows(RuleViolation.class, () -> mailboxes.revoke(deputy, sanasAccess.getId(), "Done"));
        assertThat(own.key()).isEqualTo("refusal.deputy.notYourOwnAccess");
        assertThat(freshly(() -> em.find(Delegation.class, sanasAccess.getId()).isRevoked())).isFalse();

        deputies.end(deputyActor("national"), a.getId());
        assertThrows(NotFound.class, () -> requests.approve(deputyActor("loa.salford"), submitted.getId(), false, "Again"),
                "once it ends, the part is out of sight again");
        mailboxes.revoke(deputyActor("loa.bolton"), sanasAccess.getId(), "Backlog done");
    }

    @Test
    void anLoaAppointsAnotherLoaForThemselvesAndTheNationalTeamAnyoneWithAPortalRole() {
        DeputyInput toOwner = new DeputyInput(null, "owner.a1", today(), today().plusDays(3), List.of(), "Leave");
        assertThat(assertThrows(RuleViolation.class, () -> deputies.appoint(deputyActor("loa.bolton"), toOwner)).key())
                .isEqualTo("refusal.deputy.mustBeAnLoa");
        assertThrows(AccessDeniedException.class, () -> deputies.appoint(deputyActor("loa.bolton"),
                new DeputyInput("loa.gm", "loa.salford", today(), today().plusDays(3), List.of(), "Grace's leave")));
        assertThrows(NotFound.class, () -> deputies.appoint(deputyActor("loa.salford"),
                new DeputyInput(null, "loa.bolton", today(), today().plusDays(3), List.of(OdsCode.premises("FM664")), "Leave")),
                "a part out of the appointer's scope is as missing");
        assertThrows(AccessDeniedException.class, () -> deputies.appoint(deputyActor("owner.a1"),
                new DeputyInput(null, "loa.bolton", today(), today().plusDays(3), List.of(), "Leave")));
        assertThat(assertThrows(RuleViolation.class, () -> deputies.appoint(deputyActor("loa.bolton"),
                new DeputyInput(null, "loa.salford", today().plusDays(3), today().plusDays(1), List.of(), "Leave"))).key())
                .isEqualTo("refusal.deputy.period");
        assertThat(assertThrows(RuleViolation.class, () -> deputies.appoint(deputyActor("loa.bolton"),
                new DeputyInput(null, "loa.bolton", today(), today().plusDays(1), List.of(), "Leave"))).key())
                .isEqualTo("refusal.deputy.notYourself");

        Actor national = deputyActor("national");
        DeputyAppointment ownerDeputy = deputies.appoint(national, new DeputyInput("loa.bolton", "owner.kearsley", today(),
                today().plusDays(1), List.of(OdsCode.premises("FM664")), "Bolton's LOAs are both away"));
        Actor kearsley = deputyActor("owner.kearsley");
        assertThat(AccessPolicy.allows(kearsley, Action.APPROVE_REQUEST, place("FM664")))
                .as("an owner deputising acts as the LOA in the part").isTrue();
        assertThat(AccessPolicy.allows(kearsley, Action.APPROVE_REQUEST, place("FFK43"))).as("not beyond it").isFalse();
        assertThat(assertThrows(RuleViolation.class, () -> deputies.appoint(national, new DeputyInput("loa.bolton", "loa.salford",
                today(), today().plusDays(1), List.of(OdsCode.of("E08000006")), "Leave"))).key())
                .as("a part must be the absent LOA's").isEqualTo("refusal.deputy.notInTheirScope");
        assertThat(deputyQueries.page(national, DeputyQueries.Show.CURRENT, 0, 100)).as("the national team sees every one")
                .extracting(DeputyAppointment::getId).contains(ownerDeputy.getId());
        assertThat(deputyQueries.page(deputyActor("loa.bolton"), DeputyQueries.Show.CURRENT, 0, 100)).as("and the absent LOA")
                .extracting(DeputyAppointment::getId).contains(ownerDeputy.getId());
        assertThat(deputyQueries.page(deputyActor("loa.gm"), DeputyQueries.Show.ALL, 0, 100)).as("an LOA not in it does not")
                .extracting(DeputyAppointment::getId).doesNotContain(ownerDeputy.getId());
        deputies.end(deputyActor("loa.bolton"), ownerDeputy.getId());
        assertThat(AccessPolicy.allows(deputyActor("owner.kearsley"), Action.APPROVE_REQUEST, place("FM664"))).isFalse();
    }
}
