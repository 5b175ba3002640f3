package uk.nhs.pharmacy.portal.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * A {@code *Checks} class left out of the chain, or out of the deployment, would never run and
     * nothing would say so: every one in this package must be both.
     */
    @Test
    @RunAsClient
    void everyChecksClassIsInTheChainAndTheDeployment() throws IOException, URISyntaxException, ClassNotFoundException {
        Path here = Path.of(InContainerIT.class.getResource("InContainerIT.class").toURI()).getParent();
        List<String> checks;
        try (Stream<Path> files = Files.list(here)) {
            checks = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Checks.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length())).sorted().toList();
        }
        assertThat(checks).as("the checks classes found").hasSizeGreaterThanOrEqualTo(7);
        WebArchive deployed = deployment();
        for (String name : checks) {
            Class<?> type = Class.forName(InContainerIT.class.getPackageName() + "." + name);
            assertThat(type).as(name + " is in the chain InContainerIT extends").isAssignableFrom(InContainerIT.class);
            assertThat(deployed.contains("WEB-INF/classes/" + type.getName().replace('.', '/') + ".class"))
                    .as(name + " is in the deployment").isTrue();
        }
    }
}
