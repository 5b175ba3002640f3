package uk.nhs.pharmacy.portal.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.nhs.pharmacy.portal.organisation.OrganisationKind;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule table, exhaustively: which role may take which action where. */
class AccessPolicyTest {

    // Areas: GM (1) contains Bolton (2) and Manchester (3). Contractor Cohens (10).
    private static final OrganisationPlace BOLTON_PREMISES = new OrganisationPlace(100, OrganisationKind.PREMISES, 2L, 10L);
    private static final OrganisationPlace MANCHESTER_PREMISES = new OrganisationPlace(101, OrganisationKind.PREMISES, 3L, 11L);
    private static final OrganisationPlace COHENS = new OrganisationPlace(10, OrganisationKind.CONTRACTOR, null, null);
    private static final OrganisationPlace BOLTON = new OrganisationPlace(2, OrganisationKind.AREA, null, 1L);

    private final Actor national = Actor.user("national", Role.NATIONAL_ADMIN, Scope.NONE, null);
    private final Actor loaGm = Actor.user("loa.gm", Role.LOA, new Scope(Set.of(1L, 2L, 3L), Set.of()), null);
    private final Actor loaBolton = Actor.user("loa.bolton", Role.LOA, new Scope(Set.of(2L), Set.of()), null);
    private final Actor ownerCohens = Actor.user("owner.cohens", Role.OWNER, new Scope(Set.of(), Set.of(10L)), null);
    private final Actor loaNoScope = Actor.user("loa.none", Role.LOA, Scope.NONE, null);
    private final Actor cohensHr = Actor.user("hr:Cohens HR", Role.HR_SYSTEM, new Scope(Set.of(), Set.of(10L)), null);

    @ParameterizedTest
    @EnumSource(value = Action.class, names = "REQUEST_CHANGE", mode = EnumSource.Mode.EXCLUDE)
    void nationalAdministratorsMayDoEverythingEverywhereButRequest(Action action) {
        assertThat(AccessPolicy.allows(national, action, MANCHESTER_PREMISES)).isTrue();
        assertThat(AccessPolicy.allows(national, action, null)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"VIEW", "MANAGE_ACCESS", "MANAGE_ACCOUNTS", "EXTEND_ACCESS", "APPROVE_REQUEST", "RUN_LEAVER"})
    void anLoaActsOnlyInsideTheirScope(Action action) {
        assertThat(AccessPolicy.allows(loaBolton, action, BOLTON_PREMISES)).isTrue();
        assertThat(AccessPolicy.allows(loaBolton, action, BOLTON)).isTrue();
        assertThat(AccessPolicy.allows(loaBolton, action, MANCHESTER_PREMISES)).isFalse();
        assertThat(AccessPolicy.allows(loaGm, action, MANCHESTER_PREMISES)).isTrue();
        assertThat(AccessPolicy.allows(loaNoScope, action, BOLTON_PREMISES)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"VIEW", "MANAGE_ACCOUNTS", "RUN_LEAVER"})
    void anHrSystemManagesPeopleAndLeaversOnlyInItsTokensScope(Action action) {
        assertThat(AccessPolicy.allows(cohensHr, action, BOLTON_PREMISES)).isTrue();
        assertThat(AccessPolicy.allows(cohensHr, action, COHENS)).isTrue();
        assertThat(AccessPolicy.allows(cohensHr, action, MANCHESTER_PREMISES)).isFalse();
        assertThat(AccessPolicy.allows(cohensHr, action, null)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"VIEW", "MANAGE_ACCOUNTS", "RUN_LEAVER"}, mode = EnumSource.Mode.EXCLUDE)
    void anHrSystemNeverGivesAccessNorDecidesNorAdministers(Action action) {
        assertThat(AccessPolicy.allows(cohensHr, action, BOLTON_PREMISES)).isFalse();
        assertThat(AccessPolicy.allows(cohensHr, action, null)).isFalse();
    }

    @Test
    void ownersDoNotManageAccounts() {
        assertThat(AccessPolicy.allows(ownerCohens, Action.MANAGE_ACCOUNTS, BOLTON_PREMISES)).isFalse();
    }

    @Test
    void anLoaDoesNoNationalWorkAndMakesNoOwnerRequests() {
        assertThat(AccessPolicy.allows(loaGm, Action.ADMINISTER_NATIONAL, null)).isFalse();
        assertThat(AccessPolicy.allows(loaGm, Action.REQUEST_CHANGE, BOLTON_PREMISES)).isFalse();
    }

    @Test
    void anOwnerSeesAndRequestsOnlyForTheirOwnPremises() {
        assertThat(AccessPolicy.allows(ownerCohens, Action.VIEW, BOLTON_PREMISES)).isTrue();
        assertThat(AccessPolicy.allows(ownerCohens, Action.REQUEST_CHANGE, BOLTON_PREMISES)).isTrue();
        assertThat(AccessPolicy.allows(ownerCohens, Action.VIEW, COHENS)).isTrue();
        assertThat(AccessPolicy.allows(ownerCohens, Action.VIEW, MANCHESTER_PREMISES)).isFalse();
        assertThat(AccessPolicy.allows(ownerCohens, Action.REQUEST_CHANGE, MANCHESTER_PREMISES)).isFalse();
        assertThat(AccessPolicy.allows(ownerCohens, Action.EXTEND_ACCESS, BOLTON_PREMISES)).isTrue();
        assertThat(AccessPolicy.allows(ownerCohens, Action.EXTEND_ACCESS, MANCHESTER_PREMISES)).isFalse();
    }

    @Test
    void newPremisesAreRegisteredByTheContractorsOwnerNotByTheManagerOfOneBranch() {
        Actor branchManager = Actor.user("owner.kearsley", Role.OWNER, new Scope(Set.of(), Set.of(100L)), null);
        assertThat(AccessPolicy.allows(ownerCohens, Action.REGISTER_PREMISES, COHENS)).isTrue();
        assertThat(AccessPolicy.allows(ownerCohens, Action.REGISTER_PREMISES, BOLTON_PREMISES)).isTrue();
        assertThat(AccessPolicy.allows(ownerCohens, Action.REGISTER_PREMISES, MANCHESTER_PREMISES)).isFalse();
        assertThat(AccessPolicy.allows(branchManager, Action.VIEW, BOLTON_PREMISES)).isTrue();
        assertThat(AccessPolicy.allows(branchManager, Action.REGISTER_PREMISES, BOLTON_PREMISES)).isFalse();
        assertThat(AccessPolicy.allows(branchManager, Action.REGISTER_PREMISES, COHENS)).isFalse();
        assertThat(AccessPolicy.allows(branchManager, Action.VIEW, MANCHESTER_PREMISES)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"MANAGE_ACCESS", "APPROVE_REQUEST", "RUN_LEAVER", "ADMINISTER_NATIONAL"})
    void anOwnerChangesNothingDirectly(Action action) {
        assertThat(AccessPolicy.allows(ownerCohens, action, BOLTON_PREMISES)).isFalse();
    }

    @Test
    void theAuditTrailIsSearchedByTheNationalTeamAndLoasButNotByOwners() {
        assertThat(AccessPolicy.allows(national, Action.SEARCH_AUDIT, null)).isTrue();
        assertThat(AccessPolicy.allows(loaBolton, Action.SEARCH_AUDIT, null)).isTrue();
        assertThat(AccessPolicy.allows(ownerCohens, Action.SEARCH_AUDIT, null)).isFalse();
    }

    @Test
    void scheduledWorkMayActButNotAdministerNationally() {
        Actor sweep = Actor.system("expiry-sweep");
        assertThat(AccessPolicy.allows(sweep, Action.MANAGE_ACCESS, MANCHESTER_PREMISES)).isTrue();
        assertThat(AccessPolicy.allows(sweep, Action.ADMINISTER_NATIONAL, null)).isFalse();
        assertThat(sweep.username()).isEqualTo("system:expiry-sweep");
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"VIEW", "MANAGE_ACCESS", "MANAGE_ACCOUNTS", "EXTEND_ACCESS", "APPROVE_REQUEST",
            "RUN_LEAVER", "EDIT_DISCLOSURE", "MANAGE_REVIEWS", "REVIEW_ACCESS"})
    void aDeputyActsAsTheAbsentLoaInTheDelegatedPartOnly(Action action) {
        Scope manchester = new Scope(Set.of(3L), Set.of());
        Actor deputy = loaBolton.deputising(List.of(new Deputyship(1, "loa.manchester", manchester)));
        assertThat(AccessPolicy.allows(deputy, action, MANCHESTER_PREMISES)).isTrue();
        assertThat(deputy.actingFor(MANCHESTER_PREMISES)).contains("loa.manchester");
        assertThat(deputy.actingFor(BOLTON_PREMISES)).as("in their own scope they act for nobody").isEmpty();
        Actor ownerDeputy = ownerCohens.deputising(List.of(new Deputyship(2, "loa.manchester", manchester)));
        assertThat(AccessPolicy.allows(ownerDeputy, action, MANCHESTER_PREMISES)).as("an owner deputising acts as the LOA").isTrue();
        assertThat(AccessPolicy.allows(loaBolton, action, MANCHESTER_PREMISES)).as("not without the appointment").isFalse();
    }

    @org.junit.jupiter.api.Test
    void aDeputyAppointsNoDeputiesWithTheDelegatedPartAndOwnersAppointNone() {
        Actor deputy = loaBolton.deputising(List.of(new Deputyship(1, "loa.manchester", new Scope(Set.of(3L), Set.of()))));
        assertThat(AccessPolicy.allows(deputy, Action.APPOINT_DEPUTY, MANCHESTER_PREMISES)).isFalse();
        assertThat(AccessPolicy.allows(deputy, Action.APPOINT_DEPUTY, BOLTON_PREMISES)).as("their own scope, yes").isTrue();
        assertThat(AccessPolicy.allows(deputy, Action.APPOINT_DEPUTY, null)).isTrue();
        assertThat(AccessPolicy.allows(ownerCohens, Action.APPOINT_DEPUTY, null)).isFalse();
        assertThat(AccessPolicy.allows(cohensHr, Action.APPOINT_DEPUTY, null)).isFalse();
        assertThat(AccessPolicy.allows(deputy, Action.REQUEST_CHANGE, MANCHESTER_PREMISES)).isFalse();
    }
}
