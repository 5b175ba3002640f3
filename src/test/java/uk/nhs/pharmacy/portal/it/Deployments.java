package uk.nhs.pharmacy.portal.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import org.jboss.shrinkwrap.api.asset.StringAsset;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The one deployment every in-container test uses: the whole built WAR, plus the test class. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive portal(Class<?>... testClasses) {
        File war = new File("target/portal.war");
        if (!war.isFile()) {
            throw new IllegalStateException("Build the WAR first (mvn package): " + war.getAbsolutePath());
        }
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "portal.war").importFrom(war).as(WebArchive.class)
                .addClasses(testClasses)
                .addClasses(Transactions.class)
                .addAsLibraries(jarOf(org.assertj.core.api.Assertions.class));
        // The portal protects every path; Arquillian's test runner servlet must be reachable.
        String webXml;
        try (InputStream in = archive.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return archive.setWebXML(new StringAsset(webXml.replace("<security-role>", """
                <security-constraint>
                    <web-resource-collection>
                        <web-resource-name>arquillian</web-resource-name>
                        <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                    </web-resource-collection>
                </security-constraint>
                <security-role>""")));
    }

    /** The jar a test library was loaded from, so in-container tests can use it too. */
    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
