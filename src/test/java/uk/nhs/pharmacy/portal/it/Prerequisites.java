package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.Assumptions;

import java.io.File;

/**
 * What some tests need beyond Java and Maven: Debian's Chromium for the browser tests, Dovecot and
 * Postfix for the mail-platform tests. Where one is missing, those tests are skipped with a message
 * saying how to install it; {@code .ci/run} installs them all and sets {@code it.requireAll}, under
 * which a missing one fails the run instead, so that CI can never pass by skipping.
 */
final class Prerequisites {

    private Prerequisites() {
    }

    static boolean chromiumInstalled() {
        return new File(System.getProperty("it.chromium", "/usr/bin/chromium")).canExecute()
                && new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")).canExecute();
    }

    /** Skips the calling test class (or fails it under it.requireAll) unless Chromium and ChromeDriver are there. */
    static void requireChromium() {
        require(chromiumInstalled(), "Chromium and ChromeDriver",
                "apt-get install chromium chromium-driver, or -Dit.chromium= and -Dit.chromedriver=");
    }

    static void requireDovecot() {
        require(DovecotServer.installed(), "Dovecot", "apt-get install dovecot-imapd");
    }

    static void requirePostfix() {
        require(PostfixServer.installed(), "Postfix and python3 (its content filter)", "apt-get install postfix python3");
    }

    /**
     * A test that brings its own database (H2 of its own, or a MariaDB it starts) runs once, in the
     * H2 pass of CI: the MariaDB pass would only repeat it.
     */
    static void onceInTheH2Pass(String what) {
        onceInTheH2Pass(what, "it starts its own database");
    }

    /** The same for a test whose subject does not depend on the database, saying why. */
    static void onceInTheH2Pass(String what, String because) {
        Assumptions.assumeFalse(System.getProperty("it.db.url", "").startsWith("jdbc:mysql"),
                what + " runs once, in the H2 pass: " + because);
    }

    /** The cluster test's load balancer and its own database server. */
    static void requireClusterTools() {
        require(new File("/usr/sbin/nginx").canExecute(), "nginx", "apt-get install nginx");
        require(LocalMariaDb.installed(), "MariaDB", "apt-get install mariadb-server");
    }

    private static void require(boolean present, String what, String install) {
        if (present) {
            return;
        }
        String message = what + " is not installed, so these tests are skipped (" + install
                + "; `bash .ci/run` installs everything the tests need and runs them all)";
        if (Boolean.getBoolean("it.requireAll")) {
            throw new IllegalStateException(what + " is not installed and it.requireAll is set (" + install + ")");
        }
        System.out.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }
}
