package uk.nhs.pharmacy.portal.sending;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail platform's content filter is Python (deploy/mailplatform/portal-mail-filter): its own unit
 * tests (the NHS number's Modulus 11 check, where numbers are found, premises senders) run here.
 */
class MailFilterScriptTest {

    @Test
    void theFiltersOwnTestsPass() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/python3").canExecute(),
                "python3 is not installed: apt-get install python3, or run python3 -m unittest deploy/mailplatform/test_portal_mail_filter.py");
        Process process = new ProcessBuilder("/usr/bin/python3", "-m", "unittest", "-v", "deploy/mailplatform/test_portal_mail_filter.py")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Ran ").contains("OK");
    }
}
