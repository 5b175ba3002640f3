package uk.nhs.pharmacy.portal.onboarding;

import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.organisation.TelephoneNumber;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationDetailsTest {

    static Map<RegistrationField, String> valid() {
        Map<RegistrationField, String> raw = new EnumMap<>(RegistrationField.class);
        raw.put(RegistrationField.TRADING_NAME, "  Cohens   Chemist ");
        raw.put(RegistrationField.OWNER_NAME, "Cohens Chemist Ltd");
        raw.put(RegistrationField.ADDRESS, "12 Market Street, Bolton");
        raw.put(RegistrationField.POSTCODE, "bl31sx");
        raw.put(RegistrationField.ODS_CODE, " fa064 ");
        raw.put(RegistrationField.TELEPHONE, "+44 (0)1204 496 000");
        raw.put(RegistrationField.CURRENT_EMAIL, "Cohens.Bolton@Example.co.uk");
        return raw;
    }

    @Test
    void aGoodRequestIsNormalised() {
        RegistrationDetails.Checked checked = RegistrationDetails.check(valid());
        assertThat(checked.problems()).isEmpty();
        RegistrationDetails d = checked.details();
        assertThat(d.tradingName()).isEqualTo("Cohens Chemist");
        assertThat(d.postcode().value()).isEqualTo("BL3 1SX");
        assertThat(d.odsCode().value()).isEqualTo("FA064");
        assertThat(d.telephone().value()).isEqualTo("01204 496000");
        assertThat(d.currentEmail()).isEqualTo("cohens.bolton@example.co.uk");
    }

    @Test
    void everyFieldIsCheckedWithItsOwnMessage() {
        Map<RegistrationField, String> raw = new EnumMap<>(RegistrationField.class);
        raw.put(RegistrationField.TRADING_NAME, " ");
        raw.put(RegistrationField.OWNER_NAME, "x".repeat(201));
        raw.put(RegistrationField.ADDRESS, "1 High St\u0007");
        raw.put(RegistrationField.POSTCODE, "QQ1 1QQ");
        raw.put(RegistrationField.ODS_CODE, "Y123");
        raw.put(RegistrationField.TELEPHONE, "12345");
        raw.put(RegistrationField.CURRENT_EMAIL, "not-an-email");
        Map<RegistrationField, String> problems = RegistrationDetails.check(raw).problems();
        assertThat(problems).containsOnlyKeys(RegistrationField.values());
        assertThat(problems.get(RegistrationField.TRADING_NAME)).isEqualTo("is required");
        assertThat(problems.get(RegistrationField.OWNER_NAME)).contains("longer than 200");
        assertThat(problems.get(RegistrationField.ADDRESS)).contains("control characters");
        assertThat(problems.get(RegistrationField.POSTCODE)).contains("not a UK postcode");
        assertThat(problems.get(RegistrationField.ODS_CODE)).contains("F followed by 4");
        assertThat(problems.get(RegistrationField.TELEPHONE)).contains("not a UK telephone number");
        assertThat(problems.get(RegistrationField.CURRENT_EMAIL)).contains("not an email address");
    }

    @Test
    void aMissingFieldIsNamed() {
        Map<RegistrationField, String> raw = valid();
        raw.remove(RegistrationField.CURRENT_EMAIL);
        RegistrationDetails.Checked checked = RegistrationDetails.check(raw);
        assertThat(checked.ok()).isFalse();
        assertThat(checked.summary()).isEqualTo("Current pharmacy email: is required");
    }

    @Test
    void formulasAndMarkupAreKeptAsPlainText() {
        Map<RegistrationField, String> raw = valid();
        raw.put(RegistrationField.TRADING_NAME, "=HYPERLINK(\"http://evil.example\",\"Click\")");
        raw.put(RegistrationField.OWNER_NAME, "<script>alert(1)</script> Ltd");
        RegistrationDetails d = RegistrationDetails.check(raw).details();
        assertThat(d.tradingName()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"Click\")");
        assertThat(d.ownerName()).isEqualTo("<script>alert(1)</script> Ltd");
    }

    @Test
    void telephoneNumbersTakeTheirStandardForm() {
        assertThat(TelephoneNumber.of("020 7946 0000").value()).isEqualTo("020 7946 0000");
        assertThat(TelephoneNumber.of("0161-496-0000").value()).isEqualTo("0161 496 0000");
        assertThat(TelephoneNumber.of("01204496000").value()).isEqualTo("01204 496000");
        assertThat(TelephoneNumber.of("07700 900123").value()).isEqualTo("07700 900123");
        assertThat(TelephoneNumber.of("1614960000").value()).as("a number cell lost its 0").isEqualTo("0161 496 0000");
        assertThat(TelephoneNumber.of("0044 113 496 0000").value()).isEqualTo("0113 496 0000");
        assertThatThrownBy(() -> TelephoneNumber.of("999")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> TelephoneNumber.of("+1 212 555 0100")).isInstanceOf(InvalidValueException.class);
    }
}
