package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The one portal instance that every HTTP and browser test uses: the built WAR on Payara Micro,
 * started once per test JVM on loopback, with demo data on H2 (fresh each run) or on the
 * database the build passes in ({@code it.db.*}), and stopped when the tests end.
 */
public final class SharedPortal implements BeforeAllCallback {

    private static final Object LOCK = new Object();
    private static Running instance;
    private static Exception failedStart;

    public static String baseUrl() {
        return System.getProperty("it.baseUrl", "http://127.0.0.1:18080/");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (LOCK) {
            if (failedStart != null) {
                throw new IllegalStateException("The shared portal failed to start earlier", failedStart);
            }
            if (instance == null) {
                try {
                    instance = start();
                } catch (Exception e) {
                    failedStart = e;
                    throw e;
                }
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedPortal.class.getName(), instance);
            }
        }
    }

    private static Running start() throws Exception {
        Process process = PortalServer.start(URI.create(baseUrl()).getPort(),
                Path.of(System.getProperty("it.dataDir", "target/it-data")), System.getProperty("it.db.url"),
                System.getProperty("it.db.class"), System.getProperty("it.db.user"), System.getProperty("it.db.password"),
                List.of("-Dmail.smtp.host=127.0.0.1", "-Dmail.smtp.port=" + TestMail.PORT, "-Dportal.mail.poll.seconds=1",
                        "-Dportal.mail.backoff.seconds=1", "-Dportal.mail.backoff.max.seconds=2",
                        "-Dportal.signIn.account.lockAfter=5"), // SignInGuardIT reaches the lock in seconds
                new File("target/it-portal.log"));
        Running portal = new Running(process);
        Runtime.getRuntime().addShutdownHook(new Thread(portal::close));
        return portal;
    }

    /** The started server; closed (stopped) when the test run ends. */
    private record Running(Process process) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            PortalServer.stop(process);
        }
    }
}
