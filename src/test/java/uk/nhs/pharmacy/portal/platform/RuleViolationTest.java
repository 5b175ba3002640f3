package uk.nhs.pharmacy.portal.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Refusals are words in the bundle: every key a service names is there, with a place for each particular. */
class RuleViolationTest {

    private static final Pattern BECAUSE = Pattern.compile("RuleViolation\\.because\\(\"([^\"]+)\"");

    @Test
    void aRefusalIsItsBundleTextWithItsParticularsAsWritten() {
        RuleViolation refusal = RuleViolation.because("refusal.request.requestIsAlreadyBy", 12345L, "APPROVED", "loa.bolton");
        assertThat(refusal.getMessage()).isEqualTo("Request 12345 is already APPROVED by loa.bolton");
        assertThat(refusal.key()).isEqualTo("refusal.request.requestIsAlreadyBy");
        assertThat(RuleViolation.because("refusal.common.alreadyHasOwnersNhsmails", "pharmacy.fm664@nhs.net", 10).getMessage())
                .isEqualTo("pharmacy.fm664@nhs.net already has 10 owners, NHSmail's limit");
    }

    @Test
    void everyRefusalAServiceNamesIsInTheBundle() throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", Locale.UK);
        List<String> named = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = BECAUSE.matcher(Files.readString(source));
                while (m.find()) {
                    named.add(m.group(1));
                    if (!bundle.containsKey(m.group(1))) {
                        missing.add(source.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(60);
        assertThat(missing).isEmpty();
    }
}
