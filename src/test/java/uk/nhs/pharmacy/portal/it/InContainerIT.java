package uk.nhs.pharmacy.portal.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every in-container test, in one deployment. Arquillian's Payara Micro adapter starts a server per
 * deployment (about 20 s each, twice in CI), and the released JUnit 5 runner cannot run
 * {@code @Nested} classes in the container (arquillian-core#773, fixed after 1.10.2.Final), so the
 * service checks are a chain of abstract classes this one extends: {@link LeaverServiceChecks} ←
 * {@link MailboxServiceChecks} ← {@link OnboardingServiceChecks} ← {@link RequestServiceChecks} ←
 * {@link ReviewServiceChecks} ← {@link ServiceMatrixChecks} ← {@link DeputyChecks}. JUnit runs
 * inherited tests top-down, so in that order; each set leaves the demo data as the next expects it,
 * as on MariaDB, where the database outlives the server. Keep their helpers private so that none
 * overrides another's.
 */
@ExtendWith(ArquillianExtension.class)
class InContainerIT extends DeputyChecks {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal(InContainerIT.class, LeaverServiceChecks.class, MailboxServiceChecks.class,
                OnboardingServiceChecks.class, RequestServiceChecks.class, ReviewServiceChecks.class,
                ServiceMatrixChecks.class, DeputyChecks.class);
    }
}
