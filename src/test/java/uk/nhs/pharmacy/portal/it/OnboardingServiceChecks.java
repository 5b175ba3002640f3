package uk.nhs.pharmacy.portal.it;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.compliance.ComplianceReports;
import uk.nhs.pharmacy.portal.compliance.ReportKind;
import uk.nhs.pharmacy.portal.compliance.ReportQuery;
import uk.nhs.pharmacy.portal.compliance.ReviewPoint;
import uk.nhs.pharmacy.portal.demo.GmPharmacy;
import uk.nhs.pharmacy.portal.demo.GmPharmacyList;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.MailboxStatus;
import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.notification.Notification;
import uk.nhs.pharmacy.portal.onboarding.Phase;
import uk.nhs.pharmacy.portal.onboarding.PhaseService;
import uk.nhs.pharmacy.portal.onboarding.RegistrationDetails;
import uk.nhs.pharmacy.portal.onboarding.RegistrationField;
import uk.nhs.pharmacy.portal.onboarding.RegistrationFile;
import uk.nhs.pharmacy.portal.onboarding.RegistrationRequest;
import uk.nhs.pharmacy.portal.onboarding.RegistrationService;
import uk.nhs.pharmacy.portal.onboarding.RegistrationState;
import uk.nhs.pharmacy.portal.onboarding.RegistrationTemplate;
import uk.nhs.pharmacy.portal.onboarding.RegistrationUpload;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.SpreadsheetCell;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Actors;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** National onboarding in the container: registration, the spreadsheet job, approval, phases, and reports by scope. */
abstract class OnboardingServiceChecks extends MailboxServiceChecks {


    @Inject
    RegistrationService registrations;

    @Inject
    PhaseService phases;

    @Inject
    ComplianceReports reports;

    @Inject
    uk.nhs.pharmacy.portal.onboarding.LegacyConversion legacy;

    @Inject
    uk.nhs.pharmacy.portal.onboarding.NumsasProviders numsas;

    @Inject
    uk.nhs.pharmacy.portal.onboarding.RegistrationQueue queue;

    @Inject
    uk.nhs.pharmacy.portal.onboarding.LegacyQueries legacyQueries;

    @Inject
    Actors actors;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction tx;

    private Actor actor(String username) {
        return actors.forUsername(username).orElseThrow();
    }

    private <T> T fresh(Supplier<T> read) {
        return Transactions.fresh(tx, read);
    }

    private static Map<RegistrationField, String> row(String ods, String postcode) {
        Map<RegistrationField, String> row = new EnumMap<>(RegistrationField.class);
        row.put(RegistrationField.TRADING_NAME, "Test Pharmacy " + ods);
        row.put(RegistrationField.OWNER_NAME, "Priya Shah");
        row.put(RegistrationField.ADDRESS, "1 Chorley New Road, Bolton");
        row.put(RegistrationField.POSTCODE, postcode);
        row.put(RegistrationField.ODS_CODE, ods);
        row.put(RegistrationField.TELEPHONE, "01204 496001");
        row.put(RegistrationField.CURRENT_EMAIL, ods.strip().toLowerCase() + "@pharmacy.example.co.uk");
        return row;
    }

    private static byte[] csv(List<Map<RegistrationField, String>> rows) {
        StringBuilder text = new StringBuilder(new String(RegistrationTemplate.csv(), StandardCharsets.UTF_8));
        rows.forEach(r -> text.append(String.join(",", RegistrationTemplate.row(r).stream().map(SpreadsheetCell::csv).toList()))
                .append("\r\n"));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private RegistrationUpload awaitFinished(Actor actor, long uploadId) throws InterruptedException {
        Instant start = Instant.now();
        while (true) {
            RegistrationUpload upload = fresh(() -> registrations.upload(actor, uploadId).orElseThrow());
            if (upload.getState() == RegistrationUpload.State.FINISHED) {
                return upload;
            }
            assertThat(Duration.between(start, Instant.now())).as("the upload job finishes").isLessThan(Duration.ofSeconds(30));
            Thread.sleep(100);
        }
    }

    private long requestsFor(String ods) {
        return fresh(() -> em.createQuery("select count(r) from RegistrationRequest r where r.odsCode = :ods", Long.class)
                .setParameter("ods", OdsCode.premises(ods)).getSingleResult());
    }

    @Test
    void aRequestFromTheFormKeepsItsTimeAndASecondForTheSameCodeIsRefused() {
        Actor national = actor("national");
        RegistrationDetails details = RegistrationDetails.check(row("FQA01", "BL3 1SX")).details();
        Instant before = Instant.now();
        RegistrationRequest request = registrations.submit(national, details);
        assertThat(request.getState()).isEqualTo(RegistrationState.SUBMITTED);
        assertThat(request.getReceivedAt()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(request.getAreaId()).as("a new premises' area suggested from its postal district").isNotNull();
        String area = fresh(() -> em.find(Organisation.class, request.getAreaId()).getName());
        assertThat(area).isEqualTo("Bolton");
        RuleViolation again = assertThrows(RuleViolation.class, () -> registrations.submit(national, details));
        assertThat(again.getMessage()).contains("FQA01 already requested on");
    }

    @Test
    void anLoaCannotRegisterAndAnOwnerCannotRegisterAnotherContractorsPremises() {
        RegistrationDetails newPremises = RegistrationDetails.check(row("FQA02", "BL3 1SX")).details();
        assertThrows(uk.nhs.pharmacy.portal.security.AccessDeniedException.class, () -> registrations.submit(actor("loa.gm"), newPremises),
                "LOAs do not register premises: refused (403), no longer a 500");
        RegistrationDetails a1sPremises = RegistrationDetails.check(row("FM664", "BL3 1SX")).details();
        RuleViolation refused = assertThrows(RuleViolation.class, () -> registrations.submit(actor("owner.cohens"), a1sPremises));
        assertThat(refused.getMessage()).contains("another contractor");
    }

    @Test
    void aFileWithBadRowsStoresTheGoodOnesReportsEachReasonAndARetryStoresNothingNew() throws Exception {
        Actor owner = actor("owner.cohens");
        String cohensWithMailbox = fresh(() -> em.createQuery("select m.premises.odsCode from SharedMailbox m where m.status = :active "
                        + "and m.premises.parent.name = 'Cohens Chemist' order by m.id", OdsCode.class)
                .setParameter("active", MailboxStatus.ACTIVE).setMaxResults(1).getSingleResult().value());
        List<Map<RegistrationField, String>> rows = new ArrayList<>();
        rows.add(row("FQB01", "M1 1AE"));                    // row 2: good
        rows.add(row("fqb02 ", "m11ae"));                    // row 3: good once normalised
        Map<RegistrationField, String> badPostcode = row("FQB03", "M60");
        rows.add(badPostcode);                               // row 4: bad postcode
        rows.add(row("FQB01", "M1 1AE"));                    // row 5: repeats row 2
        rows.add(row("FM664", "BL3 1SX"));                   // row 6: A1 Pharmacy's premises
        rows.add(row(cohensWithMailbox, "M1 1AE"));          // row 7: already has its mailbox
        Map<RegistrationField, String> noEmail = row("FQB04", "M1 1AE");
        noEmail.put(RegistrationField.CURRENT_EMAIL, "");
        rows.add(noEmail);                                   // row 8: no email
        byte[] file = csv(rows);

        List<RegistrationFile.Line> preview = registrations.preview(owner, file);
        assertThat(preview).as(preview.toString()).extracting(RegistrationFile.Line::ok)
                .containsExactly(true, true, false, false, false, false, false);
        assertThat(preview.get(2).problem()).startsWith("Postcode: 'M60'");
        assertThat(preview.get(3).problem()).contains("is also on row 2");
        assertThat(preview.get(4).problem()).contains("another contractor");
        assertThat(preview.get(5).problem()).contains("already has its shared mailbox");
        assertThat(preview.get(6).problem()).isEqualTo("Current pharmacy email: is required");
        assertThat(requestsFor("FQB01")).as("a preview stores nothing").isZero();

        RegistrationUpload upload = registrations.accept(owner, "cohens-new.csv", file);
        RegistrationUpload done = awaitFinished(owner, upload.getId());
        assertThat(done.getAcceptedRows()).isEqualTo(2);
        assertThat(done.getRejectedRows()).isEqualTo(5);
        List<Object[]> rejections = fresh(() -> registrations.rejections(owner, upload.getId()));
        assertThat(rejections).extracting(r -> ((Number) r[0]).intValue()).containsExactly(4, 5, 6, 7, 8);
        RegistrationRequest stored = fresh(() -> em.createQuery("select r from RegistrationRequest r where r.odsCode = :ods",
                RegistrationRequest.class).setParameter("ods", OdsCode.premises("FQB02")).getSingleResult());
        assertThat(stored.getPostcode().value()).isEqualTo("M1 1AE");
        assertThat(stored.getRowNo()).isEqualTo(3);
        assertThat(stored.getContractorId()).as("an owner's request is for their contractor").isNotNull();

        RegistrationUpload again = registrations.accept(owner, "cohens-new (1).csv", file);
        assertThat(again.getId()).isEqualTo(upload.getId());
        assertThat(requestsFor("FQB01")).isEqualTo(1);
        assertThat(requestsFor("FQB02")).isEqualTo(1);
        RegistrationUpload byAnother = registrations.accept(actor("national"), "same-file.csv", file);
        assertThat(awaitFinished(actor("national"), byAnother.getId()).getAcceptedRows())
                .as("the same rows from someone else are duplicates of the stored requests").isZero();
        assertThat(requestsFor("FQB01")).isEqualTo(1);
    }

    @Test
    void theGreaterManchesterListChecksCleanlyRowsRefusedOnlyWhereAMailboxExists() {
        List<Map<RegistrationField, String>> rows = new ArrayList<>();
        int i = 0;
        for (GmPharmacy p : GmPharmacyList.load()) {
            Map<RegistrationField, String> row = new EnumMap<>(RegistrationField.class);
            row.put(RegistrationField.TRADING_NAME, p.tradingName());
            row.put(RegistrationField.OWNER_NAME, "Owner of " + p.tradingName());
            row.put(RegistrationField.ADDRESS, p.address());
            row.put(RegistrationField.POSTCODE, p.postcode());
            row.put(RegistrationField.ODS_CODE, p.odsCode());
            row.put(RegistrationField.TELEPHONE, String.format("0161 496 %04d", i++));
            row.put(RegistrationField.CURRENT_EMAIL, p.odsCode().toLowerCase() + "@pharmacy.example.co.uk");
            rows.add(row);
        }
        List<RegistrationFile.Line> preview = registrations.preview(actor("national"), csv(rows));
        assertThat(preview).hasSize(631);
        assertThat(preview).filteredOn(l -> !l.ok()).allMatch(l -> l.problem().contains("already has its shared mailbox")
                || l.problem().contains("already requested"));
        List<OdsCode> gmCodes = GmPharmacyList.load().stream().map(p -> OdsCode.premises(p.odsCode())).toList();
        long refusable = fresh(() -> em.createQuery("select count(o) from Organisation o where o.odsCode in :gm and ("
                + "exists (select m from SharedMailbox m where m.premises = o and m.status = :active) or exists (select r from "
                + "RegistrationRequest r where r.odsCode = o.odsCode and r.state <> :rejected))", Long.class)
                .setParameter("gm", gmCodes).setParameter("active", MailboxStatus.ACTIVE)
                .setParameter("rejected", RegistrationState.REJECTED).getSingleResult());
        assertThat(preview).filteredOn(RegistrationFile.Line::ok).hasSizeGreaterThan(0);
        assertThat(preview.stream().filter(l -> !l.ok()).count())
                .as("refused: exactly the premises with a mailbox or a live request").isEqualTo(refusable);
    }

    @Test
    void approvalProvisionsThePremisesItsMailboxAndItsFirstAccountsTheFirstAsOwner() throws Exception {
        Actor national = actor("national");
        RegistrationRequest request = registrations.submit(national, RegistrationDetails.check(row("FQC01", "BL1 1AA")).details());
        assertThrows(RuleViolation.class, () -> registrations.approve(national, request.getId(), null, List.of(), "Phase 2"),
                "at least one first account");
        registrations.approve(national, request.getId(), null, List.of(
                new RegistrationService.FirstAccount("Hannah", "Okoro", JobRole.PHARMACIST),
                new RegistrationService.FirstAccount("Tom", "Byrne", JobRole.DISPENSER)), "Phase 2 onboarding");

        SharedMailbox mailbox = fresh(() -> em.createQuery("select m from SharedMailbox m join fetch m.premises "
                + "where m.premises.odsCode = :ods", SharedMailbox.class).setParameter("ods", OdsCode.premises("FQC01")).getSingleResult());
        assertThat(mailbox.getAddress().value()).isEqualTo("pharmacy.fqc01@nhs.net");
        assertThat(mailbox.getStatus()).isEqualTo(MailboxStatus.ACTIVE);
        List<Delegation> access = fresh(() -> em.createQuery("select d from Delegation d join fetch d.account where d.mailbox.id = :m "
                + "order by d.id", Delegation.class).setParameter("m", mailbox.getId()).getResultList());
        assertThat(access).hasSize(2);
        assertThat(access.get(0).getAccount().getAddress().value()).startsWith("hannah.okoro");
        assertThat(access.get(0).isOwner()).isTrue();
        assertThat(access.get(1).isOwner()).isFalse();
        RegistrationRequest approved = fresh(() -> em.find(RegistrationRequest.class, request.getId()));
        assertThat(approved.getState()).isEqualTo(RegistrationState.APPROVED);
        assertThat(approved.getMailboxId()).isEqualTo(mailbox.getId());
        Long phaseId = fresh(() -> em.find(Organisation.class, mailbox.getPremises().getId()).getPhaseId());
        assertThat(fresh(() -> em.find(Phase.class, phaseId).getName())).as("Bolton is in Lancashire and Manchester: phase 2")
                .isEqualTo("Phase 2");
        List<Notification> mail = fresh(() -> em.createQuery("select n from Notification n where n.recipient = :to", Notification.class)
                .setParameter("to", "fqc01@pharmacy.example.co.uk").getResultList());
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).contains("approved");
        assertThrows(RuleViolation.class, () -> registrations.reject(national, request.getId(), "too late"), "already decided");
    }

    @Test
    void aRejectionNeedsAReasonAndFreesTheCodeForANewRequest() {
        Actor national = actor("national");
        RegistrationRequest request = registrations.submit(national, RegistrationDetails.check(row("FQD01", "M1 1AE")).details());
        assertThrows(Exception.class, () -> registrations.reject(national, request.getId(), " "));
        registrations.reject(national, request.getId(), "Not a community pharmacy");
        assertThat(registrations.submit(national, RegistrationDetails.check(row("FQD01", "M1 1AE")).details()).getId())
                .isNotEqualTo(request.getId());
    }

    @Test
    void premisesTakeTheEarliestPhaseThatNamesTheirAreaOrAnEnclosingOne() {
        Actor national = actor("national");
        Long fm664 = fresh(() -> em.createQuery("select o.id from Organisation o where o.odsCode = :ods", Long.class)
                .setParameter("ods", OdsCode.premises("FM664")).getSingleResult());
        Long manchester = fresh(() -> em.createQuery("select o.id from Organisation o where o.kind = :premises "
                + "and o.area.name = 'Manchester' order by o.id", Long.class)
                .setParameter("premises", uk.nhs.pharmacy.portal.organisation.OrganisationKind.PREMISES)
                .setMaxResults(1).getSingleResult());
        assertThat(phaseName(fm664)).isEqualTo("Phase 2");
        Phase early = phases.save(national, null, "Bolton pilot", LocalDate.of(2016, 11, 1), LocalDate.of(2016, 11, 30),
                List.of("Bolton", "Nowhere CCG"));
        try {
            assertThat(phaseName(fm664)).as("Bolton's pilot comes first").isEqualTo("Bolton pilot");
            assertThat(phaseName(manchester)).as("the rest of Greater Manchester stays in phase 2").isEqualTo("Phase 2");
            Phase saved = fresh(() -> em.find(Phase.class, early.getId()));
            assertThat(saved.getAreas()).filteredOn(a -> a.getAreaName().equals("Nowhere CCG")).allMatch(a -> a.getAreaId() == null);
        } finally {
            phases.save(national, early.getId(), "Bolton pilot", LocalDate.of(2016, 11, 1), LocalDate.of(2016, 11, 30), List.of());
        }
        assertThat(phaseName(fm664)).isEqualTo("Phase 2");
        assertThrows(SecurityException.class, () -> phases.save(actor("loa.gm"), null, "Mine", LocalDate.of(2017, 1, 1),
                LocalDate.of(2017, 1, 2), List.of("Bolton")));
    }

    private String phaseName(long premisesId) {
        return fresh(() -> {
            Long phase = em.find(Organisation.class, premisesId).getPhaseId();
            return phase == null ? null : em.find(Phase.class, phase).getName();
        });
    }

    @Test
    void reportsCoverOnlyWhatTheReaderMaySee() {
        ReportQuery gateway = new ReportQuery(ReportKind.GATEWAY, 1, null, false);
        assertThat(reports.count(actor("owner.a1"), gateway)).isEqualTo(1);
        assertThat(reports.page(actor("owner.a1"), gateway, 0, 50)).extracting(r -> r.get(0)).containsExactly("FM664");
        assertThat(reports.count(actor("owner.cohens"), gateway)).isBetween(64L, 70L);
        assertThat(reports.page(actor("owner.cohens"), gateway, 0, 100)).noneMatch(r -> r.get(0).equals("FM664"));
        assertThat(reports.count(actor("loa.bolton"), gateway)).isBetween(73L, 80L);
        assertThat(reports.count(actor("national"), gateway)).isGreaterThanOrEqualTo(631);
        for (ReportKind kind : ReportKind.values()) {
            ReportQuery query = new ReportQuery(kind, 0, null, false);
            long total = reports.count(actor("loa.bolton"), query);
            assertThat(reports.summary(actor("loa.bolton"), query).values().stream().mapToLong(Long::longValue).sum())
                    .as(kind + ": the standings add up to the rows").isEqualTo(total);
        }
    }

    @Test
    void theGatewayIsExactAtItsEdgeDatesInTheDatabase() throws Exception {
        ReviewPoint april = reports.reviewPoints().get(0);
        Actor owner = actor("owner.a1");
        ReportQuery active = new ReportQuery(ReportKind.GATEWAY, 0, "MAILBOX_ACTIVE", false);
        ReportQuery applied = new ReportQuery(ReportKind.GATEWAY, 0, "APPLIED_IN_TIME", false);
        tx.begin();
        try {
            // Whole seconds: MariaDB through mysql-connector-j keeps no fraction here.
            setMailboxCreated("FM664", april.activeBefore().minusSeconds(1));
            assertThat(reports.count(owner, active)).as("active on the review day").isEqualTo(1);
            setMailboxCreated("FM664", april.activeBefore());
            assertThat(reports.count(owner, active)).as("active the day after").isZero();
            em.createNativeQuery("INSERT INTO registration_request (id, trading_name, owner_name, address, postcode, ods_code, "
                            + "telephone, current_email, received_at, submitted_by, numsas, state, version) VALUES "
                            + "(999999, 'A1 Pharmacy', 'Asha Aziz', 'x', 'BL3 1SX', 'FM664', '01204 496000', 'a1@example.org', ?1, "
                            + "'test', FALSE, 'APPROVED', 0)")
                    .setParameter(1, Timestamp.from(april.appliedBefore().minusSeconds(1))).executeUpdate();
            assertThat(reports.count(owner, applied)).as("applied on the cut-off day").isEqualTo(1);
            em.createNativeQuery("UPDATE registration_request SET received_at = ?1 WHERE id = 999999")
                    .setParameter(1, Timestamp.from(april.appliedBefore())).executeUpdate();
            assertThat(reports.count(owner, applied)).as("applied the day after the cut-off").isZero();
        } finally {
            tx.rollback();
        }
    }

    private void setMailboxCreated(String ods, Instant at) {
        em.createNativeQuery("UPDATE shared_mailbox SET created_at = ?1 WHERE premises_id = "
                        + "(SELECT id FROM organisation WHERE ods_code = ?2)")
                .setParameter(1, Timestamp.from(at)).setParameter(2, ods).executeUpdate();
    }

    @Test
    void aLegacyMailboxIsConvertedStepByStepAndEveryStepAudited() {
        Actor loa = actor("loa.gm");
        List<Object[]> byArea = legacyQueries.byArea(loa);
        assertThat(byArea).as("legacy mailboxes listed by area").isNotEmpty();
        SharedMailbox old = fresh(() -> legacyQueries.page(loa, (Long) byArea.get(0)[0], 0, 1).get(0));
        long premisesId = old.getPremises().getId();
        String ods = old.getPremises().getOdsCode().value();
        List<String> people = fresh(() -> em.createQuery("select a.address from PersonalAccount a where a.status = :active "
                        + "and a.jobRole = :role order by a.id", uk.nhs.pharmacy.portal.account.MailAddress.class)
                .setParameter("active", uk.nhs.pharmacy.portal.account.AccountStatus.ACTIVE).setParameter("role", JobRole.PHARMACIST)
                .setMaxResults(2).getResultList()).stream().map(uk.nhs.pharmacy.portal.account.MailAddress::value).toList();

        assertThrows(RuleViolation.class, () -> legacy.convert(loa, premisesId, List.of(), "Conversion"), "nobody to link");
        String outOfScope = fresh(() -> em.createQuery("select o.id from Organisation o where o.kind = :premises and o.area.name = 'Wigan' "
                + "order by o.id", Long.class).setParameter("premises", uk.nhs.pharmacy.portal.organisation.OrganisationKind.PREMISES)
                .setMaxResults(1).getSingleResult()).toString();
        assertThrows(uk.nhs.pharmacy.portal.platform.NotFound.class,
                () -> legacy.convert(actor("loa.bolton"), Long.parseLong(outOfScope), people, "x"), "out of scope answers as missing");

        long legacyBefore = fresh(() -> legacyQueries.count(loa, null));
        var result = legacy.convert(loa, premisesId, people, "Bring to the conforming model");
        assertThat(result.mailbox().getAddress().value()).isEqualTo("pharmacy." + ods.toLowerCase() + "@nhs.net");
        assertThat(result.closed()).isEqualTo(old.getAddress().value());
        assertThat(fresh(() -> em.find(SharedMailbox.class, old.getId()).getStatus())).isEqualTo(MailboxStatus.CLOSED);
        List<Delegation> access = fresh(() -> em.createQuery("select d from Delegation d join fetch d.account where d.mailbox.id = :m "
                + "order by d.id", Delegation.class).setParameter("m", result.mailbox().getId()).getResultList());
        assertThat(access).extracting(d -> d.getAccount().getAddress().value()).containsExactlyElementsOf(people);
        assertThat(access.get(0).isOwner()).isTrue();
        List<String> actions = fresh(() -> em.createQuery("select e.action from AuditEvent e where e.organisationId = :o "
                + "and e.reason like '%conforming model%' order by e.id", String.class).setParameter("o", premisesId).getResultList());
        assertThat(actions).containsSubsequence("MAILBOX_CREATED", "DELEGATION_GRANTED", "DELEGATION_GRANTED", "LEGACY_CLOSED",
                "LEGACY_CONVERTED");
        assertThat(fresh(() -> legacyQueries.count(loa, null))).as("one legacy mailbox fewer").isEqualTo(legacyBefore - 1);
        assertThrows(RuleViolation.class, () -> legacy.convert(loa, premisesId, people, "again"), "nothing left to convert");
    }

    @Test
    void flaggedNumsasProvidersComeFirstInTheQueue() {
        Actor national = actor("national");
        RegistrationRequest request = registrations.submit(national, RegistrationDetails.check(row("FQE01", "BL3 1SX")).details());
        var open = new uk.nhs.pharmacy.portal.onboarding.RegistrationQueue.Filter(null, null, null, RegistrationState.SUBMITTED, null);
        List<RegistrationRequest> all = queue.page(national, open, 0, 1000);
        assertThat(all).as("demo requests wait in the queue too").hasSizeGreaterThan(1);
        assertThat(all).extracting(RegistrationRequest::isNumsas).as("NUMSAS providers first").isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
        Long premises = fresh(() -> em.createQuery("select o.id from Organisation o where o.odsCode = :ods", Long.class)
                .setParameter("ods", OdsCode.premises("FM664")).getSingleResult());
        assertThrows(SecurityException.class, () -> numsas.flag(actor("loa.gm"), premises, true));

        // A request for a premises that exists takes its flag; flagging later moves its open request up.
        Long newPremises = fresh(() -> em.createQuery("select r.premisesId from RegistrationRequest r where r.state = :open "
                + "and r.numsas = false and r.premisesId is not null order by r.id", Long.class)
                .setParameter("open", RegistrationState.SUBMITTED).setMaxResults(1).getSingleResult());
        numsas.flag(national, newPremises, true);
        RegistrationRequest first = queue.page(national, open, 0, 1).get(0);
        assertThat(first.isNumsas()).isTrue();
        assertThat(queue.page(national, new uk.nhs.pharmacy.portal.onboarding.RegistrationQueue.Filter(null, null, true,
                RegistrationState.SUBMITTED, null), 0, 1000)).extracting(RegistrationRequest::getPremisesId).contains(newPremises);
        assertThat(queue.page(national, new uk.nhs.pharmacy.portal.onboarding.RegistrationQueue.Filter(null, null, false,
                RegistrationState.SUBMITTED, null), 0, 1000)).extracting(RegistrationRequest::getId).contains(request.getId());
        numsas.flag(national, newPremises, false);
    }
}
