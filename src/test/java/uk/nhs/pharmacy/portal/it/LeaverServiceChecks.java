package uk.nhs.pharmacy.portal.it;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.account.AccountService;
import uk.nhs.pharmacy.portal.account.AccountStatus;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.leaver.BulkLeaverFile;
import uk.nhs.pharmacy.portal.leaver.BulkLeaverJob;
import uk.nhs.pharmacy.portal.leaver.BulkLeaverRow;
import uk.nhs.pharmacy.portal.leaver.BulkLeaverRunner;
import uk.nhs.pharmacy.portal.leaver.BulkLeaverService;
import uk.nhs.pharmacy.portal.leaver.CaseState;
import uk.nhs.pharmacy.portal.leaver.LeaverCase;
import uk.nhs.pharmacy.portal.leaver.LeaverKind;
import uk.nhs.pharmacy.portal.leaver.LeaverSchedule;
import uk.nhs.pharmacy.portal.leaver.LeaverService;
import uk.nhs.pharmacy.portal.leaver.LeaverStep;
import uk.nhs.pharmacy.portal.leaver.StepKind;
import uk.nhs.pharmacy.portal.leaver.StepState;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.MailboxService;
import uk.nhs.pharmacy.portal.mailbox.Permission;
import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.provisioning.ProvisioningKind;
import uk.nhs.pharmacy.portal.security.AccessDeniedException;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Actors;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Leaver cases, joiners and bulk leaver files in the container, on the demo data. */
abstract class LeaverServiceChecks {


    @Inject
    LeaverService leavers;

    @Inject
    LeaverSchedule schedule;

    @Inject
    BulkLeaverService bulk;

    @Inject
    BulkLeaverRunner runner;

    @Inject
    MailboxService mailboxes;

    @Inject
    AccountService accounts;

    @Inject
    Actors actors;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction tx;

    private Actor actor(String username) {
        return actors.forUsername(username).orElseThrow();
    }

    private Organisation organisation(String ods) {
        return em.createQuery("select o from Organisation o where o.odsCode = :code", Organisation.class)
                .setParameter("code", OdsCode.of(ods)).getSingleResult();
    }

    /** A new locum whose home is the given organisation, with no access anywhere yet. */
    private PersonalAccount newLocum(String homeOds, String lastName) {
        return accounts.create(actor("national"), organisation(homeOds).getId(), "Test", lastName,
                JobRole.LOCUM_PHARMACIST, false);
    }

    private List<SharedMailbox> activeMailboxes(String where, int max) {
        return em.createQuery("select m from SharedMailbox m join m.premises o where m.status = "
                        + "uk.nhs.pharmacy.portal.mailbox.MailboxStatus.ACTIVE and " + where + " order by o.odsCode",
                SharedMailbox.class).setMaxResults(max).getResultList();
    }

    private SharedMailbox mailboxOf(String ods) {
        return em.createQuery("select m from SharedMailbox m where m.premises.odsCode = :code and m.status = "
                        + "uk.nhs.pharmacy.portal.mailbox.MailboxStatus.ACTIVE", SharedMailbox.class)
                .setParameter("code", OdsCode.premises(ods)).getSingleResult();
    }

    private Delegation grant(SharedMailbox mailbox, PersonalAccount account, boolean owner) {
        return mailboxes.grant(actor("national"), mailbox.getId(), account.getId(), Set.of(Permission.FULL_ACCESS), owner,
                null, "Cover");
    }

    private <T> T fresh(java.util.function.Supplier<T> read) {
        return Transactions.fresh(tx, read);
    }


    private LeaverCase reload(LeaverCase c) {
        return fresh(() -> {
            LeaverCase found = em.find(LeaverCase.class, c.getId());
            found.getSteps().forEach(s -> s.getDetail());
            return found;
        });
    }

    private static LeaverService.LeaverRequest request(PersonalAccount who, LeaverKind kind, String ods, Instant when) {
        return new LeaverService.LeaverRequest(who.getAddress(), kind, ods == null ? null : OdsCode.of(ods), when,
                "Left the company");
    }

    @Test
    void aLocumWith20GrantsLeavesTheContractorAndAll20AreRevokedInOneTransactionWithACompleteAudit() {
        Organisation cohens = organisation(em.createQuery("select o.odsCode from Organisation o where o.name = 'Cohens Chemist' "
                + "and o.kind = uk.nhs.pharmacy.portal.organisation.OrganisationKind.CONTRACTOR", OdsCode.class)
                .getSingleResult().value());
        List<SharedMailbox> branches = activeMailboxes("o.parent.id = " + cohens.getId(), 20);
        assertThat(branches).hasSize(20);
        PersonalAccount locum = newLocum(branches.get(0).getPremises().getOdsCode().value(), "Twentybranches");
        List<Long> granted = branches.stream().map(m -> grant(m, locum, false).getId()).toList();
        SharedMailbox elsewhere = activeMailboxes("o.parent.id <> " + cohens.getId() + " and o.area.name = 'Bolton'", 1).get(0);
        long keptId = grant(elsewhere, locum, false).getId();

        long started = System.nanoTime();
        LeaverCase done = leavers.open(actor("loa.gm"), request(locum, LeaverKind.LEAVES_CONTRACTOR, cohens.getOdsCode().value(), null));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Leaver of the contractor with 20 grants took " + millis + " ms in the container (H2 demo data)");

        LeaverCase closed = reload(done);
        assertThat(closed.getState()).isEqualTo(CaseState.CLOSED);
        List<Delegation> after = granted.stream().map(id -> em.find(Delegation.class, id)).toList();
        assertThat(after).allSatisfy(d -> {
            assertThat(d.isRevoked()).isTrue();
            assertThat(d.getRevokedBy()).isEqualTo("loa.gm");
            assertThat(d.getRevokeReason()).startsWith("Leaver case #" + done.getId());
        });
        assertThat(after.stream().map(Delegation::getRevokedAt).distinct()).as("one transaction, one instant").hasSize(1);
        assertThat(em.find(Delegation.class, keptId).isRevoked()).as("another contractor's access stays").isFalse();
        assertThat(closed.getSteps()).extracting(LeaverStep::getKind)
                .containsExactly(StepKind.REVOKE_ACCESS, StepKind.CLOSE);
        assertThat(closed.getSteps().get(0).getDetail()).startsWith("Revoked 20:");
        assertThat(closed.getSteps().get(0).getDoneBy()).isEqualTo("loa.gm");

        Map<Long, Long> revokedAudits = em.createQuery("select e.targetId from AuditEvent e where e.action = 'DELEGATION_REVOKED' "
                        + "and e.targetLabel = :who and e.actor = 'loa.gm'", Long.class)
                .setParameter("who", locum.getAddress().value()).getResultList().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(revokedAudits.keySet()).containsExactlyInAnyOrderElementsOf(granted);
        assertThat(revokedAudits.values()).allMatch(n -> n == 1);
        assertThat(em.createQuery("select e.action from AuditEvent e where e.targetType = 'LEAVER_CASE' and e.targetId = :id "
                + "order by e.id", String.class).setParameter("id", done.getId()).getResultList())
                .containsExactly("LEAVER_CASE_OPENED", "LEAVER_CASE_RUN");
        assertThat(em.createQuery("select count(e) from ProvisioningEvent e where e.accountAddress = :who and e.kind = :kind",
                Long.class).setParameter("who", locum.getAddress().value())
                .setParameter("kind", ProvisioningKind.ACCESS_REVOKED).getSingleResult()).isEqualTo(20L);
    }

    @Test
    void aRefusedCaseChangesNothing() throws Exception {
        SharedMailbox bury = mailboxOf("FA064");
        PersonalAccount person = newLocum("FA064", "Outofscope");
        Delegation access = grant(bury, person, false);
        assertThrows(NotFound.class, () -> leavers.open(actor("loa.bolton"),
                request(person, LeaverKind.LEAVES_PREMISES, "FA064", null)), "out of scope answers as missing");
        assertThrows(NotFound.class, () -> leavers.open(actor("loa.bolton"),
                request(person, LeaverKind.LEAVES_NHS, null, null)), "their home is in Bury too");
        assertThrows(NotFound.class, () -> leavers.open(actor("owner.a1"),
                request(person, LeaverKind.LEAVES_PREMISES, "FA064", null)), "not the owner's premises");
        assertThrows(AccessDeniedException.class, () -> leavers.open(actor("owner.a1"),
                request(person, LeaverKind.LEAVES_PREMISES, "FM664", null)), "owners request leavers, they do not run them");
        assertThat(em.find(Delegation.class, access.getId()).isRevoked()).isFalse();
        assertThat(em.createQuery("select count(c) from LeaverCase c where c.account.id = :a", Long.class)
                .setParameter("a", person.getId()).getSingleResult()).isZero();
    }

    @Test
    void aFutureDatedCaseWaitsAndThenRunsByItselfOnItsDateOnce() {
        SharedMailbox bolton = mailboxOf("FXJ72");
        PersonalAccount person = newLocum("FXJ72", "Futuredated");
        Delegation access = grant(bolton, person, false);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        LeaverCase scheduled = leavers.open(actor("loa.bolton"), request(person, LeaverKind.LEAVES_PREMISES, "FXJ72", tomorrow));
        assertThat(scheduled.getState()).isEqualTo(CaseState.SCHEDULED);
        assertThat(em.find(Delegation.class, access.getId()).isRevoked()).isFalse();
        assertThrows(RuleViolation.class, () -> leavers.open(actor("loa.bolton"),
                request(person, LeaverKind.LEAVES_PREMISES, "FXJ72", tomorrow)), "one open case per person and premises");

        assertThat(schedule.runDue(Instant.now())).as("not due yet").isZero();
        assertThat(schedule.runDue(tomorrow.plusSeconds(60))).isGreaterThanOrEqualTo(1);
        LeaverCase ran = reload(scheduled);
        assertThat(ran.getState()).isEqualTo(CaseState.CLOSED);
        assertThat(ran.getSteps().get(0).getDoneBy()).isEqualTo("system:leaver-schedule");
        Delegation revoked = em.find(Delegation.class, access.getId());
        assertThat(revoked.getRevokedBy()).isEqualTo("system:leaver-schedule");
        assertThat(schedule.runDue(tomorrow.plusSeconds(120))).as("it runs once").isZero();
    }

    @Test
    void theSuccessorRuleHoldsTheCaseOpenUntilASuccessorIsChosenOrTheExceptionConfirmed() {
        Organisation premises = em.createQuery("select o from Organisation o where o.kind = "
                + "uk.nhs.pharmacy.portal.organisation.OrganisationKind.PREMISES and o.area.name = 'Bolton' and not exists "
                + "(select m from SharedMailbox m where m.premises = o) order by o.odsCode", Organisation.class)
                .setMaxResults(1).getSingleResult();
        SharedMailbox mailbox = mailboxes.createMailbox(actor("loa.bolton"), premises.getId(), "For the successor test");
        PersonalAccount manager = newLocum(premises.getOdsCode().value(), "Onlyowner");
        PersonalAccount colleague = newLocum(premises.getOdsCode().value(), "Colleague");
        grant(mailbox, manager, true);
        grant(mailbox, colleague, false);

        LeaverCase open = leavers.open(actor("loa.bolton"),
                request(manager, LeaverKind.LEAVES_PREMISES, premises.getOdsCode().value(), null));
        LeaverCase waiting = reload(open);
        assertThat(waiting.getState()).isEqualTo(CaseState.AWAITING_SUCCESSOR);
        LeaverStep step = waiting.getSteps().stream().filter(s -> s.getKind() == StepKind.SUCCESSOR).findFirst().orElseThrow();
        assertThat(step.getState()).isEqualTo(StepState.WAITING);
        assertThat(step.getDetail()).contains("1 live accounts and 0 owners");

        assertThrows(NotFound.class, () -> leavers.chooseSuccessor(actor("owner.a1"), open.getId(), step.getId(), colleague.getAddress(), "Another owner tries"));
        assertThrows(NotFound.class, () -> leavers.chooseSuccessor(actor("loa.bolton"), open.getId(), 999_999_999L,
                colleague.getAddress(), "No such step"));
        assertThrows(RuleViolation.class, () -> leavers.chooseSuccessor(actor("loa.bolton"), open.getId(), step.getId(),
                manager.getAddress(), "The leaver themselves"));
        leavers.chooseSuccessor(actor("loa.bolton"), open.getId(), step.getId(), colleague.getAddress(), "Deputy takes over");

        LeaverCase closed = reload(open);
        assertThat(closed.getState()).isEqualTo(CaseState.CLOSED);
        assertThat(closed.getSteps()).extracting(LeaverStep::getState).doesNotContain(StepState.WAITING);
        assertThat(em.createQuery("select d.owner from Delegation d where d.mailbox.id = :m and d.account.id = :a "
                + "and d.revokedAt is null", Boolean.class).setParameter("m", mailbox.getId())
                .setParameter("a", colleague.getId()).getSingleResult()).isTrue();
        assertThrows(RuleViolation.class, () -> leavers.confirmException(actor("loa.bolton"), open.getId(), step.getId(),
                "Too late"), "a resolved step cannot be resolved again");
    }

    @Test
    void aSuccessorChosenAtTheStartIsMadeOwnerBeforeTheLeaversAccessGoesAndTheCaseRunsInOneStep() {
        Organisation premises = em.createQuery("select o from Organisation o where o.kind = "
                + "uk.nhs.pharmacy.portal.organisation.OrganisationKind.PREMISES and o.area.name = 'Bolton' and not exists "
                + "(select m from SharedMailbox m where m.premises = o) order by o.odsCode desc", Organisation.class)
                .setMaxResults(1).getSingleResult();
        String ods = premises.getOdsCode().value();
        SharedMailbox mailbox = mailboxes.createMailbox(actor("loa.bolton"), premises.getId(), "For the successor-first test");
        PersonalAccount manager = newLocum(ods, "Soleowner");
        PersonalAccount deputy = newLocum(ods, "Deputy");
        PersonalAccount dispenser = newLocum(ods, "Dispenser");
        grant(mailbox, manager, true);
        grant(mailbox, deputy, false);
        grant(mailbox, dispenser, false);
        LeaverService.LeaverRequest asked = request(manager, LeaverKind.LEAVES_PREMISES, ods, null);

        List<LeaverService.SuccessorNeeded> needed = leavers.successorsNeeded(actor("loa.bolton"), asked);
        assertThat(needed).singleElement().satisfies(need -> {
            assertThat(need.mailbox().getId()).isEqualTo(mailbox.getId());
            assertThat(need.ownersAfter()).isZero();
            assertThat(need.onMailbox()).extracting(PersonalAccount::getId).containsExactlyInAnyOrder(deputy.getId(), dispenser.getId());
        });
        assertThrows(NotFound.class, () -> leavers.successorsNeeded(actor("owner.a1"), asked), "out of scope tells nothing");
        List<LeaverService.Successor> successor = List.of(new LeaverService.Successor(mailbox.getId(), deputy.getAddress()));
        assertThrows(RuleViolation.class, () -> leavers.open(actor("loa.bolton"), new LeaverService.LeaverRequest(manager.getAddress(),
                LeaverKind.LEAVES_PREMISES, OdsCode.of(ods), Instant.now().plus(Duration.ofDays(3)), "Later", successor)),
                "a case dated later asks for its successors when it runs");

        LeaverCase open = leavers.open(actor("loa.bolton"), new LeaverService.LeaverRequest(manager.getAddress(),
                LeaverKind.LEAVES_PREMISES, OdsCode.of(ods), null, "Left the company", successor));
        LeaverCase closed = reload(open);
        assertThat(closed.getState()).isEqualTo(CaseState.CLOSED);
        assertThat(closed.getSteps()).extracting(LeaverStep::getState).doesNotContain(StepState.WAITING);
        assertThat(em.createQuery("select d.owner from Delegation d where d.mailbox.id = :m and d.account.id = :a "
                + "and d.revokedAt is null", Boolean.class).setParameter("m", mailbox.getId())
                .setParameter("a", deputy.getId()).getSingleResult()).isTrue();
        List<String> trail = em.createQuery("select concat(e.action, ' ', e.targetLabel) from AuditEvent e where e.organisationId = :o "
                + "and e.action in ('DELEGATION_CHANGED', 'DELEGATION_REVOKED') order by e.id", String.class)
                .setParameter("o", premises.getId()).getResultList();
        assertThat(trail).as("the deputy is made owner before the manager's access goes: never 0 owners")
                .containsSubsequence("DELEGATION_CHANGED " + deputy.getAddress().value(), "DELEGATION_REVOKED " + manager.getAddress().value());
    }

    @Test
    void aLeaverOfTheNhsIsKeptAsALeaverAndAnotherOrganisationCanAcceptThemAsAJoiner() {
        SharedMailbox bolton = mailboxOf("FXJ72");
        PersonalAccount person = newLocum("FXJ72", "Joiner");
        Delegation access = grant(bolton, person, false);
        accounts.edit(actor("national"), person.getAddress(), "Test", "Joiner", JobRole.LOCUM_PHARMACIST, true);

        LeaverCase done = reload(leavers.open(actor("loa.bolton"), request(person, LeaverKind.LEAVES_NHS, null, null)));
        assertThat(done.getSteps()).extracting(LeaverStep::getKind)
                .containsExactly(StepKind.REVOKE_ACCESS, StepKind.MARK_LEAVER, StepKind.REMOTE_WIPE, StepKind.CLOSE);
        PersonalAccount leaver = em.find(PersonalAccount.class, person.getId());
        assertThat(leaver.getStatus()).isEqualTo(AccountStatus.LEAVER);
        assertThat(em.find(Delegation.class, access.getId()).isRevoked()).isTrue();

        Organisation manchester = em.createQuery("select o from Organisation o where o.kind = "
                + "uk.nhs.pharmacy.portal.organisation.OrganisationKind.PREMISES and o.area.name = 'Manchester' order by o.odsCode",
                Organisation.class).setMaxResults(1).getSingleResult();
        assertThrows(NotFound.class, () -> accounts.acceptJoiner(actor("loa.bolton"), leaver.getAddress(),
                manchester.getOdsCode(), "Not their organisation"));
        accounts.acceptJoiner(actor("loa.gm"), leaver.getAddress(), manchester.getOdsCode(), "Joins a Manchester branch");
        PersonalAccount joined = fresh(() -> em.find(PersonalAccount.class, person.getId()));
        assertThat(joined.getStatus()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(fresh(() -> em.find(PersonalAccount.class, person.getId()).getHomeOrganisation().getId()))
                .isEqualTo(manchester.getId());
        assertThat(em.find(Delegation.class, access.getId()).isRevoked()).as("old access stays revoked").isTrue();
    }

    @Test
    void aBulkFileReportsEveryBadLineByNumberRunsTheGoodOnesAndAcceptingItAgainDoesNothingTwice() throws Exception {
        SharedMailbox bolton = mailboxOf("FXD23");
        PersonalAccount first = newLocum("FXD23", "Bulkone");
        PersonalAccount second = newLocum("FXD23", "Bulktwo");
        grant(bolton, first, false);
        grant(bolton, second, false);
        String file = BulkLeaverFile.HEADER + "\n"
                + first.getAddress() + ",premises,FXD23,\n"                 // 2 good
                + second.getAddress() + ",contractor-ish,FXD23,\n"          // 3 bad kind
                + "not-an-address,premises,FXD23,\n"                        // 4 bad address
                + second.getAddress() + ",premises,,\n"                      // 5 missing ODS code
                + first.getAddress() + ",premises,fxd23,\n"                  // 6 duplicate of 2
                + second.getAddress() + ",premises,FA064,\n"                 // 7 out of scope (Bury)
                + "nobody.here@nhs.net,premises,FXD23,\n"                    // 8 unknown account
                + second.getAddress() + ",premises,FXD23,31/02/2027\n"       // 9 no such date
                + second.getAddress() + ",nhs,," + java.time.LocalDate.now().plusDays(3) + "\n"; // 10 good, future-dated
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        Actor loa = actor("loa.bolton");

        List<BulkLeaverFile.Line> preview = bulk.preview(loa, bytes, "HR file");
        Map<Integer, String> problems = preview.stream().filter(l -> !l.ok())
                .collect(Collectors.toMap(BulkLeaverFile.Line::lineNo, BulkLeaverFile.Line::problem));
        assertThat(problems.keySet()).containsExactlyInAnyOrder(3, 4, 5, 6, 7, 8, 9);
        assertThat(problems.get(3)).contains("not a kind of leaver");
        assertThat(problems.get(4)).containsIgnoringCase("address");
        assertThat(problems.get(5)).contains("missing");
        assertThat(problems.get(6)).contains("line 2");
        assertThat(problems.get(7)).contains("FA064 is not in your scope");
        assertThat(problems.get(8)).contains("No personal account");
        assertThat(problems.get(9)).contains("not a date");

        BulkLeaverJob job = bulk.accept(loa, "hr.csv", bytes, "HR file");
        BulkLeaverJob finished = awaitFinished(job.getId());
        String report = fresh(() -> bulk.rows(job.getId(), 0, 20).stream()
                .map(r -> r.getLineNo() + " " + r.getState() + " " + r.getMessage()).collect(Collectors.joining("\n")));
        assertThat(finished.getDoneRows()).as(report).isEqualTo(2);
        assertThat(finished.getFailedRows()).isEqualTo(7);
        assertThat(fresh(() -> bulk.progress(job.getId()))).extracting(p -> p.finished(), p -> p.toRun(), p -> p.percent())
                .containsExactly(2L, 2L, 100);
        assertThat(casesOf(first)).hasSize(1);
        assertThat(casesOf(first).get(0).getState()).isEqualTo(CaseState.CLOSED);
        assertThat(casesOf(second)).extracting(LeaverCase::getState).containsExactly(CaseState.SCHEDULED);

        BulkLeaverJob again = bulk.accept(loa, "hr-again.csv", bytes, "HR file");
        assertThat(again.getId()).isEqualTo(job.getId());
        fresh(() -> {
            runner.run(job.getId());
            return null;
        });
        assertThat(casesOf(first)).hasSize(1);
        assertThat(casesOf(second)).hasSize(1);
        assertThat(fresh(() -> em.createQuery("select count(r) from BulkLeaverRow r where r.job.id = :j", Long.class)
                .setParameter("j", job.getId()).getSingleResult())).isEqualTo(9L);
    }

    @Test
    void aJobInterruptedByARestartResumesFromItsPendingLinesAndRepeatsNothing() throws Exception {
        SharedMailbox bolton = mailboxOf("FXD23");
        PersonalAccount doneBefore = newLocum("FXD23", "Donebefore");
        PersonalAccount pending = newLocum("FXD23", "Pendingline");
        grant(bolton, doneBefore, false);
        grant(bolton, pending, false);
        LeaverCase earlier = leavers.open(actor("loa.bolton"), request(doneBefore, LeaverKind.LEAVES_PREMISES, "FXD23", null));
        long jobId = 9_000_000L + System.nanoTime() % 100_000;
        // the state a restart leaves behind: the job running, line 2 done with its case, line 3 still pending
        tx.begin();
        em.createNativeQuery("INSERT INTO bulk_leaver_job (id, file_name, file_sha256, state, total_rows, done_rows, failed_rows, "
                + "reason, created_by, created_at, version) VALUES (?, 'interrupted.csv', ?, 'RUNNING', 2, 0, 0, 'HR file', "
                + "'loa.bolton', CURRENT_TIMESTAMP, 1)").setParameter(1, jobId).setParameter(2, "sha-" + jobId).executeUpdate();
        em.createNativeQuery("INSERT INTO bulk_leaver_row (id, job_id, line_no, account_address, kind, scope_ods, state, case_id, "
                + "message, version) VALUES (?, ?, 2, ?, 'premises', 'FXD23', 'DONE', ?, 'ran before the restart', 1)")
                .setParameter(1, jobId).setParameter(2, jobId).setParameter(3, doneBefore.getAddress().value())
                .setParameter(4, earlier.getId()).executeUpdate();
        em.createNativeQuery("INSERT INTO bulk_leaver_row (id, job_id, line_no, account_address, kind, scope_ods, state, "
                + "version) VALUES (?, ?, 3, ?, 'premises', 'FXD23', 'PENDING', 1)")
                .setParameter(1, jobId + 1).setParameter(2, jobId).setParameter(3, pending.getAddress().value()).executeUpdate();
        tx.commit();

        assertThat(fresh(() -> runner.resumeInterrupted())).isGreaterThanOrEqualTo(1);
        BulkLeaverJob finished = awaitFinished(jobId);
        assertThat(finished.getDoneRows()).isEqualTo(2);
        assertThat(casesOf(doneBefore)).extracting(LeaverCase::getId).containsExactly(earlier.getId());
        assertThat(casesOf(pending)).hasSize(1);
        assertThat(fresh(() -> em.find(BulkLeaverRow.class, jobId + 1).getCaseId())).isEqualTo(casesOf(pending).get(0).getId());
    }

    private List<LeaverCase> casesOf(PersonalAccount person) {
        return fresh(() -> em.createQuery("select c from LeaverCase c where c.account.id = :a order by c.id", LeaverCase.class)
                .setParameter("a", person.getId()).getResultList());
    }

    private BulkLeaverJob awaitFinished(long jobId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            BulkLeaverJob job = fresh(() -> em.find(BulkLeaverJob.class, jobId));
            if (job.getState() == BulkLeaverJob.State.FINISHED) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Job " + jobId + " did not finish within 60 s");
    }
}
