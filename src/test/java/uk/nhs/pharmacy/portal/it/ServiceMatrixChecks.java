package uk.nhs.pharmacy.portal.it;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.account.AccountStatus;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.audit.AuditEvent;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.audit.AuditQuery;
import uk.nhs.pharmacy.portal.home.HomeService;
import uk.nhs.pharmacy.portal.leaver.LeaverKind;
import uk.nhs.pharmacy.portal.leaver.LeaverService;
import uk.nhs.pharmacy.portal.mailbox.MailboxStatus;
import uk.nhs.pharmacy.portal.mailbox.PremisesDirectory;
import uk.nhs.pharmacy.portal.mailbox.PremisesFilter;
import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.onboarding.LegacyConversion;
import uk.nhs.pharmacy.portal.onboarding.LegacyQueries;
import uk.nhs.pharmacy.portal.onboarding.NumsasProviders;
import uk.nhs.pharmacy.portal.onboarding.PhaseService;
import uk.nhs.pharmacy.portal.onboarding.RegistrationDetails;
import uk.nhs.pharmacy.portal.onboarding.RegistrationField;
import uk.nhs.pharmacy.portal.onboarding.RegistrationQueue;
import uk.nhs.pharmacy.portal.onboarding.RegistrationRequest;
import uk.nhs.pharmacy.portal.onboarding.RegistrationService;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationKind;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.security.AccessDeniedException;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Actors;
import uk.nhs.pharmacy.portal.security.OrganisationPlace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix of the service entry points that no JSON resource reaches (the national
 * team's onboarding decisions, legacy conversion) and of the scoped reads behind the screens (home,
 * directory, legacy list, audit search): every demo role and relation calls each one directly, as
 * its screen would. Writes are read back; reads are compared with {@code Scope.covers}, premises by
 * premises, so the query and the rule cannot drift apart.
 */
abstract class ServiceMatrixChecks extends ReviewServiceChecks {


    private static final Map<String, String> ROLES = new LinkedHashMap<>();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    static {
        ROLES.put("N", "national");
        ROLES.put("LIN", "loa.gm");
        ROLES.put("LOUT", "loa.bolton");
        ROLES.put("OWN", "owner.cohens");
        ROLES.put("ELSE", "owner.kearsley");
        ROLES.put("OTHER", "owner.a1");
    }

    /** The table: each entry point's outcome for each role (N national, LIN/LOUT LOAs in and out of scope, OWN the
     * target's owner, ELSE an owner elsewhere in the chain, OTHER another contractor's owner). */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    /** The scoped reads compared with the scope rule in {@link #everyScopedReadAgreesWithTheScopeRule}. */
    static final List<String> SCOPED_READS = List.of("HomeService#summary", "PremisesDirectory#countPremises",
            "LegacyQueries#count", "AuditLog#search");

    static {
        EXPECTED.put("RegistrationService#reject",
                "N=OK LIN=403 LOUT=403 OWN=403 ELSE=403 OTHER=403");
        EXPECTED.put("RegistrationService#approve (no first account: refused by the rule, after the role)",
                "N=RULE LIN=403 LOUT=403 OWN=403 ELSE=403 OTHER=403");
        EXPECTED.put("RegistrationQueue#page",
                "N=OK LIN=403 LOUT=403 OWN=403 ELSE=403 OTHER=403");
        EXPECTED.put("PhaseService#save",
                "N=OK LIN=403 LOUT=403 OWN=403 ELSE=403 OTHER=403");
        EXPECTED.put("NumsasProviders#flag",
                "N=OK LIN=403 LOUT=403 OWN=403 ELSE=403 OTHER=403");
        EXPECTED.put("LegacyConversion#convert (a legacy mailbox outside Bolton and the owners' chains)",
                "N=OK LIN=OK LOUT=404 OWN=404 ELSE=404 OTHER=404");
        EXPECTED.put("LeaverService#successorsNeeded (someone at the target leaving it)",
                "N=OK LIN=OK LOUT=404 OWN=403 ELSE=404 OTHER=404");
        EXPECTED.put("LegacyConversion#currentUsers (a legacy mailbox outside Bolton and the owners' chains)",
                "N=OK LIN=OK LOUT=404 OWN=404 ELSE=404 OTHER=404");
    }

    enum Outcome { OK, RULE, FORBIDDEN, NOT_FOUND }

    @Inject RegistrationService registrations;
    @Inject RegistrationQueue queue;
    @Inject PhaseService phases;
    @Inject NumsasProviders numsas;
    @Inject LegacyConversion legacy;
    @Inject LeaverService leavers;
    @Inject LegacyQueries legacyQueries;
    @Inject HomeService home;
    @Inject PremisesDirectory directory;
    @Inject AuditLog audit;
    @Inject Actors actors;
    @PersistenceContext EntityManager em;
    @Inject UserTransaction tx;

    /** A call for one role on a target made fresh for it, and what the call could change. */
    interface Cell {
        void call(Actor actor) throws Exception;
    }

    record Target(Cell cell, Supplier<String> readBack) {
    }

    @Test
    void everyEntryPointAnswersEachRoleAsTheTableSays() {
        Map<String, Supplier<Target>> rows = new LinkedHashMap<>();

        rows.put("RegistrationService#reject", () -> {
            long id = submitted();
            return new Target(a -> registrations.reject(a, id, "Service matrix"), () -> state(id));
        });

        rows.put("RegistrationService#approve (no first account: refused by the rule, after the role)", () -> {
            long id = submitted();
            return new Target(a -> registrations.approve(a, id, null, List.of(), "Service matrix"), () -> state(id));
        });

        rows.put("RegistrationQueue#page", () -> new Target(a -> queue.page(a, RegistrationQueue.Filter.OPEN, 0, 10), () -> ""));

        rows.put("PhaseService#save", () -> {
            String name = "Service matrix phase " + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100_000;
            return new Target(a -> phases.save(a, null, name, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 30), List.of("Bury")),
                    () -> String.valueOf(phases.phases().stream().anyMatch(p -> p.getName().equals(name))));
        });

        long fa064 = premisesId("FA064");
        rows.put("NumsasProviders#flag", () -> {
            boolean now = Transactions.fresh(tx, () -> em.find(Organisation.class, fa064).isNumsas());
            return new Target(a -> numsas.flag(a, fa064, !now),
                    () -> String.valueOf(Transactions.fresh(tx, () -> em.find(Organisation.class, fa064).isNumsas())));
        });

        rows.put("LegacyConversion#convert (a legacy mailbox outside Bolton and the owners' chains)", () -> {
            SharedMailbox old = legacyOutsideTheOutsiders();
            long premises = old.getPremises().getId();
            List<String> people = twoPharmacists();
            return new Target(a -> legacy.convert(a, premises, people, "Service matrix"), () -> mailboxStatus(old.getId()));
        });

        rows.put("LeaverService#successorsNeeded (someone at the target leaving it)", () -> new Target(a -> leavers.successorsNeeded(a,
                new LeaverService.LeaverRequest(MailAddress.of("luke.bennett2@nhs.net"), LeaverKind.LEAVES_PREMISES,
                        OdsCode.of("FA064"), null, "Service matrix")), () -> ""));
        rows.put("LegacyConversion#currentUsers (a legacy mailbox outside Bolton and the owners' chains)", () -> {
            long premises = legacyOutsideTheOutsiders().getPremises().getId();
            return new Target(a -> legacy.currentUsers(a, premises), () -> "");
        });

        assertThat(rows.keySet()).as("a row for every line of the table").containsExactlyElementsOf(EXPECTED.keySet());
        List<String> escapes = new ArrayList<>();
        int cells = 0;
        for (var row : rows.entrySet()) {
            Map<String, Outcome> outcomes = parse(EXPECTED.get(row.getKey()));
            for (var role : ROLES.entrySet()) {
                cells++;
                Target target = row.getValue().get();
                String before = target.readBack().get();
                Outcome got = outcome(target.cell(), actor(role.getValue()));
                String after = target.readBack().get();
                Outcome want = outcomes.get(role.getKey());
                String cell = row.getKey() + " as " + role.getValue();
                if (got != want) {
                    escapes.add(cell + ": expected " + want + ", got " + got);
                }
                if (want != Outcome.OK && !before.equals(after)) {
                    escapes.add(cell + " -- WRITE ESCAPE: " + before + " became " + after);
                }
                if (want == Outcome.OK && !target.readBack().get().isEmpty() && before.equals(after)) {
                    escapes.add(cell + " -- allowed but changed nothing, so the refusals prove nothing");
                }
            }
        }
        System.out.println("Authorisation matrix (services): " + rows.size() + " rows, " + cells + " cells, "
                + escapes.size() + " escapes");
        assertThat(escapes).isEmpty();
    }

    /** Each scoped read returns exactly the premises {@code Scope.covers} lets the role see, for every role. */
    @Test
    void everyScopedReadAgreesWithTheScopeRule() {
        List<Object[]> all = Transactions.fresh(tx, () -> em.createQuery("select o.id, a.id, p.id from Organisation o "
                + "left join o.area a left join o.parent p where o.kind = :premises", Object[].class)
                .setParameter("premises", OrganisationKind.PREMISES).getResultList());
        List<Long> legacyPremises = Transactions.fresh(tx, () -> em.createQuery("select m.premises.id from SharedMailbox m "
                + "where m.status = :legacy", Long.class).setParameter("legacy", MailboxStatus.LEGACY_NON_CONFORMING).getResultList());
        List<String> problems = new ArrayList<>();
        for (String username : ROLES.values()) {
            Actor actor = actor(username);
            java.util.Set<Long> covered = all.stream().filter(o -> actor.role() == uk.nhs.pharmacy.portal.security.Role.NATIONAL_ADMIN || actor.scope().covers(
                    new OrganisationPlace((Long) o[0], OrganisationKind.PREMISES, (Long) o[1], (Long) o[2])))
                    .map(o -> (Long) o[0]).collect(Collectors.toSet());
            long seen = Transactions.fresh(tx, () -> directory.countPremises(actor, PremisesFilter.NONE));
            if (seen != covered.size()) {
                problems.add(username + ": the directory counts " + seen + " premises, the scope covers " + covered.size());
            }
            long homeCount = Transactions.fresh(tx, () -> home.summary(actor).premises());
            if (homeCount != covered.size()) {
                problems.add(username + ": the home page counts " + homeCount + " premises, the scope covers " + covered.size());
            }
            long legacyCovered = legacyPremises.stream().filter(covered::contains).count();
            Outcome legacyOutcome = outcome(a -> legacyQueries.count(a, null), actor);
            if (legacyOutcome == Outcome.OK && Transactions.fresh(tx, () -> legacyQueries.count(actor, null)) != legacyCovered) {
                problems.add(username + ": the legacy list counts " + legacyQueries.count(actor, null) + ", the scope covers "
                        + legacyCovered);
            }
            if (outcome(a -> audit.search(a, AuditQuery.EVERYTHING, 0, 1), actor) == Outcome.OK) {
                List<AuditEvent> events = Transactions.fresh(tx, () -> audit.search(actor, AuditQuery.EVERYTHING, 0, 2000));
                List<Long> outside = events.stream().map(AuditEvent::getOrganisationId)
                        .filter(id -> id != null && all.stream().anyMatch(o -> o[0].equals(id)) && !covered.contains(id))
                        .distinct().toList();
                if (!outside.isEmpty()) {
                    problems.add(username + ": the audit search shows premises outside the scope " + outside);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private Outcome outcome(Cell cell, Actor actor) {
        try {
            cell.call(actor); // each service method runs in a transaction of its own, as a screen calls it
            return Outcome.OK;
        } catch (Exception e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof AccessDeniedException) {
                    return Outcome.FORBIDDEN;
                }
                if (cause instanceof NotFound) {
                    return Outcome.NOT_FOUND;
                }
                if (cause instanceof RuleViolation) {
                    return Outcome.RULE;
                }
                cause = cause.getCause();
            }
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Outcome> parse(String cells) {
        Map<String, Outcome> map = new LinkedHashMap<>();
        for (String cell : cells.split("\\s+")) {
            String[] kv = cell.split("=");
            map.put(kv[0], switch (kv[1]) {
                case "OK" -> Outcome.OK;
                case "RULE" -> Outcome.RULE;
                case "403" -> Outcome.FORBIDDEN;
                case "404" -> Outcome.NOT_FOUND;
                default -> throw new IllegalArgumentException(cell);
            });
        }
        assertThat(map.keySet()).as(cells).containsExactlyElementsOf(ROLES.keySet());
        return map;
    }

    private Actor actor(String username) {
        return actors.forUsername(username).orElseThrow();
    }

    private long submitted() {
        String ods = "FS" + (100 + COUNTER.incrementAndGet()); // the in-container database is new for each run
        Map<RegistrationField, String> row = new EnumMap<>(RegistrationField.class);
        row.put(RegistrationField.TRADING_NAME, "Service Matrix Pharmacy");
        row.put(RegistrationField.OWNER_NAME, "Colin Cohen");
        row.put(RegistrationField.ADDRESS, "3 Matrix Street, Bury");
        row.put(RegistrationField.POSTCODE, "BL9 0AB");
        row.put(RegistrationField.ODS_CODE, ods);
        row.put(RegistrationField.TELEPHONE, "0161 496 0002");
        row.put(RegistrationField.CURRENT_EMAIL, "service.matrix@example.org");
        RegistrationDetails.Checked checked = RegistrationDetails.check(row);
        assertThat(checked.problems()).as(ods + ": " + checked.summary()).isEmpty();
        RegistrationDetails details = checked.details();
        return registrations.submit(actor("national"), details).getId();
    }

    private String state(long id) {
        return Transactions.fresh(tx, () -> em.find(RegistrationRequest.class, id).getState().name());
    }

    private long premisesId(String ods) {
        return Transactions.fresh(tx, () -> em.createQuery("select o.id from Organisation o where o.odsCode = :ods", Long.class)
                .setParameter("ods", OdsCode.premises(ods)).getSingleResult());
    }

    /** A legacy mailbox in Greater Manchester outside Bolton and outside the three owners' chains. */
    private SharedMailbox legacyOutsideTheOutsiders() {
        List<Actor> outsiders = List.of(actor("loa.bolton"), actor("owner.cohens"), actor("owner.kearsley"), actor("owner.a1"));
        return Transactions.fresh(tx, () -> em.createQuery("select m from SharedMailbox m join fetch m.premises p "
                        + "where m.status = :legacy order by m.id", SharedMailbox.class)
                .setParameter("legacy", MailboxStatus.LEGACY_NON_CONFORMING).setMaxResults(200).getResultList().stream()
                .filter(m -> outsiders.stream().noneMatch(a -> a.scope().covers(OrganisationPlace.of(m.getPremises()))))
                .findFirst().orElseThrow(() -> new IllegalStateException("no legacy mailbox outside the outsiders' scopes")));
    }

    private String mailboxStatus(long id) {
        return Transactions.fresh(tx, () -> em.find(SharedMailbox.class, id).getStatus().name());
    }

    private List<String> twoPharmacists() {
        return Transactions.fresh(tx, () -> em.createQuery("select a.address from PersonalAccount a where a.status = :active "
                        + "and a.jobRole = :role order by a.id desc", MailAddress.class)
                .setParameter("active", AccountStatus.ACTIVE).setParameter("role", JobRole.PHARMACIST)
                .setMaxResults(2).getResultList()).stream().map(MailAddress::value).collect(Collectors.toList());
    }
}
