package uk.nhs.pharmacy.portal.it;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.security.Actor;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service entry point (a public method of a bean that takes the {@link Actor} it acts for) is
 * tied to the row of an authorisation matrix that exercises it for every role: a REST row of
 * {@link AuthorisationMatrixIT}, a form of {@link FacesMatrixIT}, a row of {@link ServiceMatrixChecks}, or the named test that covers a
 * page, an export, a batch step or the system. A new entry point without a row fails here, and a
 * row that names an endpoint or form the matrices do not have fails too, so neither can go stale.
 */
class ServiceEntryPointsTest {

    /** Policy and plumbing take an Actor too; they are what the matrices test, not entry points. */
    private static final Set<String> NOT_ENTRY_POINTS = Set.of("Actor", "Actors", "Authorizer", "AccessPolicy", "ScopeQuery",
            "CurrentUser");

    private static final Map<String, String> COVERED_BY = Map.ofEntries(
            // mailboxes and access
            entry("MailboxService#grantAt", "REST POST delegations"),
            entry("MailboxService#grant", "FACES grant access (premises page, grant form)"),
            entry("MailboxService#createMailbox", "REST POST premises/{ods}/mailbox"),
            entry("MailboxService#changePermissions", "REST PUT delegations/{id}"),
            entry("MailboxService#extend", "REST PUT delegations/{id}/expiry"),
            entry("MailboxService#revoke", "REST POST delegations/{id}/revoke"),
            entry("MailboxService#revokeForLeaver", "REST POST leavers"),
            entry("MailboxService#retryProvisioning", "REST POST provisioning/{id}/retry"),
            entry("MailboxReconciler#check", "REST POST premises/{ods}/reconcile"),
            entry("MailboxQueries#account", "REST GET accounts/{address}"),
            entry("MailboxQueries#visiblePremises", "REST GET premises/{ods}"),
            entry("MailboxQueries#premises", "REST GET premises/{ods}"),
            entry("ExpiringAccess#page", "REST GET delegations/expiring"),
            entry("ExpiringAccess#count", "REST GET delegations/expiring"),
            entry("BulkAccessService#preview", "REST POST bulk/preview"),
            entry("BulkAccessService#apply", "REST POST bulk/apply"),
            entry("PremisesDirectory#premises", "SERVICE scoped reads"),
            entry("PremisesDirectory#countPremises", "SERVICE scoped reads"),
            entry("AccessExport#csv", "TEST HttpSecurityIT#anOwnersExportHoldsOnlyTheirPremises"),
            entry("AccessExport#xlsx", "TEST HttpSecurityIT#anLoasSpreadsheetHoldsOnlyTheirArea"),
            // accounts
            entry("AccountService#create", "REST POST accounts"),
            entry("AccountService#edit", "REST PUT accounts/{address}"),
            entry("AccountService#acceptJoiner", "REST POST accounts/{address}/joiner"),
            entry("AccountService#register", "SCIM POST Users"),
            entry("AccountService#move", "SCIM PUT Users/{id}"),
            // HR systems
            entry("HrFeed#find", "SCIM GET Users/{id}"),
            entry("HrFeed#create", "SCIM POST Users"),
            entry("HrFeed#replace", "SCIM PATCH Users/{id}"),
            entry("HrFeed#delete", "SCIM DELETE Users/{id}"),
            entry("SecureDomains#add", "REST POST secure-domains"),
            entry("Disclosures#page", "REST GET contractors/{ods}/disclosure"),
            entry("Disclosures#save", "REST PUT contractors/{ods}/disclosure"),
            entry("Disclosures#incomplete", "REST GET contractors/incomplete"),
            entry("Disclosures#incompleteByArea", "REST GET contractors/incomplete/by-area"),
            entry("SecureDomains#remove", "REST POST secure-domains/{id}/remove"),
            entry("HrTokens#issue", "REST POST hr-tokens"),
            entry("HrTokens#rotate", "REST POST hr-tokens/{id}/rotate"),
            entry("HrTokens#revoke", "REST POST hr-tokens/{id}/revoke"),
            entry("HrTokens#list", "REST GET hr-tokens"),
            entry("HrTokens#count", "REST GET hr-tokens"),
            entry("HrTokens#rows", "TEST HrSystemsJourneyIT (the HR systems page, national only by web.xml; the REST matrix for the list)"),
            entry("AccountService#disableLapsedLeavers", "SYSTEM the leaver schedule, as the system actor (LeaverServiceChecks)"),
            // leavers
            entry("LeaverService#open", "REST POST leavers"),
            entry("LeaverService#prepare", "REST POST leavers"),
            entry("LeaverService#chooseSuccessor", "REST POST leavers/{id}/steps/{stepId}"),
            entry("LeaverService#confirmException", "REST POST leavers/{id}/steps/{stepId}"),
            entry("LeaverService#cancel", "REST POST leavers/{id}/cancel"),
            entry("LeaverService#successorsNeeded", "SERVICE LeaverService#successorsNeeded (someone at the target leaving it)"),
            entry("LeaverQueries#cases", "REST GET leavers"),
            entry("LeaverQueries#count", "REST GET leavers"),
            entry("LeaverQueries#find", "REST GET leavers/{id}"),
            entry("LeaverQueries#visible", "REST GET leavers/{id}"),
            entry("BulkLeaverService#preview", "REST POST leaver-files/preview"),
            entry("BulkLeaverService#accept", "REST POST leaver-files"),
            entry("BulkLeaverService#job", "REST GET leaver-files/{id}"),
            entry("BulkLeaverService#recentJobs", "REST GET leaver-files/{id}"),
            entry("BulkLeaverLine#open", "REST POST leaver-files"),
            entry("BulkLeaverLine#runOne", "REST POST leaver-files"),
            // owners' requests
            entry("RequestService#submit", "REST POST requests"),
            entry("RequestService#approve", "REST POST requests/{id}/decision"),
            entry("RequestService#reject", "REST POST requests/{id}/decision"),
            entry("RequestService#withdraw", "REST POST requests/{id}/withdraw"),
            entry("RequestQueries#queue", "REST GET requests"),
            entry("RequestQueries#queueSize", "REST GET requests"),
            entry("RequestQueries#mine", "REST GET requests"),
            entry("RequestQueries#mineCount", "REST GET requests"),
            entry("RequestQueries#find", "REST GET requests/{id}"),
            // onboarding
            entry("RegistrationService#submit", "REST POST registrations"),
            entry("RegistrationService#preview", "REST POST registrations/files/preview"),
            entry("RegistrationService#accept", "REST POST registrations/files"),
            entry("RegistrationService#upload", "REST GET registrations/files/{id}"),
            entry("RegistrationService#rejections", "REST GET registrations/files/{id}/rejections"),
            entry("RegistrationService#request", "REST GET registrations/{id}"),
            entry("RegistrationService#approve", "SERVICE RegistrationService#approve (no first account: refused by the rule, after the role)"),
            entry("RegistrationService#reject", "SERVICE RegistrationService#reject"),
            entry("RegistrationBatch#next", "REST POST registrations/files"),
            entry("RegistrationChecks#check", "REST POST registrations/files/preview"),
            entry("RegistrationQueue#page", "SERVICE RegistrationQueue#page"),
            entry("RegistrationQueue#count", "SERVICE RegistrationQueue#page"),
            entry("RegistrationQueue#mine", "REST GET registrations/{id}"),
            entry("RegistrationQueue#countMine", "REST GET registrations/{id}"),
            entry("PhaseService#save", "SERVICE PhaseService#save"),
            entry("PhaseProgress#byArea", "FACES save an onboarding phase (phases page, national only)"),
            entry("NumsasProviders#flag", "SERVICE NumsasProviders#flag"),
            entry("LegacyConversion#currentUsers", "SERVICE LegacyConversion#currentUsers (a legacy mailbox outside Bolton and the owners' chains)"),
            entry("LegacyConversion#convert", "SERVICE LegacyConversion#convert (a legacy mailbox outside Bolton and the owners' chains)"),
            entry("LegacyQueries#byArea", "SERVICE scoped reads"),
            entry("LegacyQueries#page", "SERVICE scoped reads"),
            entry("LegacyQueries#count", "SERVICE scoped reads"),
            // access reviews
            entry("DeputyService#appoint", "REST POST deputies"),
            entry("DeputyService#end", "REST POST deputies/{id}/end"),
            entry("DeputyQueries#page", "REST GET deputies"),
            entry("DeputyQueries#count", "REST GET deputies"),
            entry("DeputyQueries#appointment", "REST GET deputies/{id}"),
            entry("DeputyRows#page", "REST GET deputies"),
            entry("DeputyRows#otherLoas", "TEST DeputyJourneyIT (the names of every other LOA, for an LOA choosing a deputy)"),
            entry("ReviewService#create", "REST POST reviews"),
            entry("ReviewService#decide", "REST POST reviews/{id}/lines/{delegationId}"),
            entry("ReviewService#keepRecommended", "REST POST reviews/{id}/premises/{ods}/keep-recommended"),
            entry("ReviewQueries#campaigns", "REST GET reviews"),
            entry("ReviewQueries#countCampaigns", "REST GET reviews"),
            entry("ReviewQueries#campaign", "REST GET reviews/{id}"),
            entry("ReviewQueries#progress", "REST GET reviews/{id}"),
            entry("ReviewQueries#premises", "REST GET reviews/{id}/premises"),
            entry("ReviewQueries#countPremises", "REST GET reviews/{id}/premises"),
            entry("ReviewQueries#worklist", "REST GET reviews/{id}/premises/{ods}"),
            entry("ReviewQueries#worklistOf", "REST GET reviews/{id}/premises/{ods}"),
            entry("ReviewQueries#premisesOfLine", "REST POST reviews/{id}/lines/{delegationId}"),
            entry("ReviewQueries#evidence", "REST GET reviews/{id}/evidence"),
            entry("MailboxService#revokeForReview", "REST POST reviews/{id}/lines/{delegationId}"),
            entry("MailboxService#setLastDayForReview", "REST POST reviews/{id}/lines/{delegationId}"),
            entry("MailboxService#revokeUnreviewed", "SYSTEM the review deadline, as system:review (ReviewServiceChecks)"),
            // reports, home, audit, people
            entry("ComplianceReports#page", "TEST OnboardingServiceChecks#reportsCoverOnlyWhatTheReaderMaySee"),
            entry("ComplianceReports#count", "TEST OnboardingServiceChecks#reportsCoverOnlyWhatTheReaderMaySee"),
            entry("ComplianceReports#summary", "TEST OnboardingServiceChecks#reportsCoverOnlyWhatTheReaderMaySee"),
            entry("ComplianceReports#forEachRow", "TEST OnboardingServiceChecks#reportsCoverOnlyWhatTheReaderMaySee"),
            entry("HomeService#summary", "SERVICE scoped reads"),
            entry("AuditLog#search", "SERVICE scoped reads"),
            entry("AuditLog#count", "SERVICE scoped reads"),
            entry("AuditVerifier#verify", "REST GET audit/verify"),
            entry("MfaService#reset", "REST POST users/{username}/mfa/reset"),
            entry("SignInGuard#unlock", "REST POST users/{username}/unlock"));

    @Test
    void everyServiceEntryPointHasARowInAMatrix() {
        Map<String, String> found = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.nhs.pharmacy.portal")) {
            if (!isBean(type) || NOT_ENTRY_POINTS.contains(type.getSimpleName()) || type.getPackageName().endsWith(".api")) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                boolean takesActor = method.getRawParameterTypes().stream().anyMatch(p -> p.isEquivalentTo(Actor.class));
                if (takesActor && method.getModifiers().contains(JavaModifier.PUBLIC)
                        && !method.getModifiers().contains(JavaModifier.STATIC)) {
                    found.put(type.getSimpleName() + "#" + method.getName(), method.getFullName());
                }
            }
        }
        assertThat(found).as("service entry points found").hasSizeGreaterThan(60);
        ServiceMatrixChecks.SCOPED_READS.forEach(read -> assertThat(COVERED_BY).as(read).containsEntry(read, "SERVICE scoped reads"));
        assertThat(COVERED_BY.keySet()).as("every service entry point has a row in a matrix (add one for the new ones)")
                .containsAll(found.keySet());
        assertThat(found.keySet()).as("rows for entry points that no longer exist").containsAll(COVERED_BY.keySet());
    }

    @Test
    void everyRowNamesAnEndpointOrFormTheMatricesHave() {
        Set<String> rest = AuthorisationMatrixIT.rows().stream().map(r -> "REST " + r.endpoint()).collect(Collectors.toSet());
        Set<String> faces = FacesMatrixIT.rows().stream().map(r -> "FACES " + r.action()).collect(Collectors.toSet());
        Set<String> services = ServiceMatrixChecks.EXPECTED.keySet().stream().map(r -> "SERVICE " + r).collect(Collectors.toSet());
        services.add("SERVICE scoped reads");
        Set<String> scim = ScimMatrixIT.rows().stream().map(r -> "SCIM " + r.endpoint()).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        for (String row : COVERED_BY.values()) {
            boolean known = row.startsWith("REST ") ? rest.contains(row)
                    : row.startsWith("FACES ") ? faces.contains(row)
                    : row.startsWith("SERVICE ") ? services.contains(row)
                    : row.startsWith("SCIM ") ? scim.contains(row)
                    : Stream.of("TEST ", "SYSTEM ").anyMatch(row::startsWith) && testClassExists(row);
            if (!known) {
                unknown.add(row);
            }
        }
        assertThat(unknown).as("rows that name nothing the matrices or tests have").isEmpty();
    }

    private static boolean testClassExists(String row) {
        if (row.startsWith("SYSTEM ")) {
            return true;
        }
        String name = row.substring("TEST ".length()).split("[ #]")[0];
        try {
            Class.forName("uk.nhs.pharmacy.portal.it." + name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean isBean(JavaClass type) {
        return Stream.of("jakarta.enterprise.context.ApplicationScoped", "jakarta.enterprise.context.RequestScoped",
                        "jakarta.enterprise.context.Dependent", "jakarta.ejb.Stateless", "jakarta.ejb.Singleton",
                        "jakarta.inject.Singleton")
                .anyMatch(type::isAnnotatedWith)
                && !type.isAnnotatedWith("jakarta.inject.Named")
                && !type.isAnnotatedWith("jakarta.servlet.annotation.WebServlet");
    }
}
