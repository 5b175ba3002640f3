package uk.nhs.pharmacy.portal.audit;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/** History tables say what happened in words: every action the audit trail records has them in the bundle. */
class AuditActionWordsTest {

    @Test
    void everyAuditActionHasWordsInTheBundle() {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", Locale.UK);
        List<String> missing = Arrays.stream(AuditAction.values()).map(a -> "enum.AuditAction." + a)
                .filter(key -> !bundle.containsKey(key)).toList();
        assertThat(missing).isEmpty();
        assertThat(bundle.getString("enum.AuditAction.DELEGATION_EXPIRY_CHANGED")).isEqualTo("Moved the last day");
    }
}
