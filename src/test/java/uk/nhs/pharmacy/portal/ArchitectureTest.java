package uk.nhs.pharmacy.portal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Features depend downwards only (docs/architecture.md, "Packages by feature"); only Faces beans (*View) and table models (*LazyModel) know screens. */
class ArchitectureTest {

    private static final String BASE = "uk.nhs.pharmacy.portal.";
    private static JavaClasses portal;

    @BeforeAll
    static void importClasses() {
        portal = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.nhs.pharmacy.portal");
    }

    @Test
    void theRulesSeeThePortalsClasses() {
        // guards against rules passing vacuously on an empty import
        org.assertj.core.api.Assertions.assertThat(portal.size()).isGreaterThan(80);
    }

    @Test
    void featuresDependDownwardsOnly() {
        for (ArchRule rule : new ArchRule[]{organisationsKnowNothingAbove, accountsDoNotKnowMailboxes,
                securityDoesNotKnowFeatures, platformDoesNotKnowFeatures, nothingDependsOnTheDemo,
                mailboxesDoNotKnowWorkflows, notificationsKnowNoFeature, onlyTheScimChannelKnowsTheScimLibrary,
                hrSystemsKnowNoChannel}) {
            rule.check(portal);
        }
    }

    @Test
    void entitiesAndServicesDoNotUseFaces() {
        entitiesAndServicesDoNotUseFaces.check(portal);
    }

    static final ArchRule organisationsKnowNothingAbove = noClasses().that().resideInAPackage(BASE + "organisation..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + "account..", BASE + "mailbox..", BASE + "home..",
                    BASE + "demo..", BASE + "audit..");

    static final ArchRule accountsDoNotKnowMailboxes = noClasses().that().resideInAPackage(BASE + "account..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + "mailbox..", BASE + "home..", BASE + "demo..");

    static final ArchRule securityDoesNotKnowFeatures = noClasses().that().resideInAPackage(BASE + "security..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + "mailbox..", BASE + "account..", BASE + "home..",
                    BASE + "demo..", BASE + "audit..");

    static final ArchRule platformDoesNotKnowFeatures = noClasses().that().resideInAPackage(BASE + "platform..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + "organisation..", BASE + "account..",
                    BASE + "mailbox..", BASE + "home..", BASE + "audit..", BASE + "security..", BASE + "demo..");

    static final ArchRule mailboxesDoNotKnowWorkflows = noClasses().that().resideInAPackage(BASE + "mailbox..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + "leaver..", BASE + "request..", BASE + "home..");

    static final ArchRule notificationsKnowNoFeature = noClasses().that().resideInAPackage(BASE + "notification..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + "organisation..", BASE + "account..",
                    BASE + "mailbox..", BASE + "leaver..", BASE + "request..", BASE + "security..", BASE + "demo..");

    static final ArchRule onlyTheScimChannelKnowsTheScimLibrary = noClasses().that().resideOutsideOfPackage(BASE + "scim..")
            .should().dependOnClassesThat().resideInAPackage("com.unboundid.scim2..");

    static final ArchRule hrSystemsKnowNoChannel = noClasses().that().resideInAPackage(BASE + "hr..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + "scim..", BASE + "api..");

    static final ArchRule nothingDependsOnTheDemo = noClasses().that().resideOutsideOfPackage(BASE + "demo..")
            .should().dependOnClassesThat().resideInAPackage(BASE + "demo..");

    static final ArchRule entitiesAndServicesDoNotUseFaces = noClasses().that()
            .haveNameNotMatching(".*(View|LazyModel)(\\$.*)?").and().resideOutsideOfPackage(BASE + "platform.web..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.faces..", "org.primefaces..");
}
