package uk.nhs.pharmacy.portal.account;

import uk.nhs.pharmacy.portal.platform.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailAddressTest {

    @Test
    void storedInLowerCase() {
        assertThat(MailAddress.of(" Jane.Smith@NHS.net ").value()).isEqualTo("jane.smith@nhs.net");
    }

    @Test
    void premisesMailboxFollowsTheConvention() {
        assertThat(MailAddress.forPremises(OdsCode.premises("FM664")).value()).isEqualTo("pharmacy.fm664@nhs.net");
    }

    @Test
    void personalAddressAddsANumberOnAClash() {
        assertThat(MailAddress.forPerson("Jane", "Smith", 1).value()).isEqualTo("jane.smith@nhs.net");
        assertThat(MailAddress.forPerson("Jane", "Smith", 2).value()).isEqualTo("jane.smith2@nhs.net");
        assertThat(MailAddress.forPerson("Zoë", "O'Brien", 1).value()).isEqualTo("zoe.obrien@nhs.net");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane.smith@gmail.com", "jane.smith@nhs.uk", "jane.smith", "@nhs.net", ".jane@nhs.net",
            "jane..smith@nhs.net", "jane smith@nhs.net"})
    void rejectsWhatIsNotAnNhsMailAddress(String raw) {
        assertThatThrownBy(() -> MailAddress.of(raw)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void onlyPremisesCodesGetAPremisesMailbox() {
        assertThatThrownBy(() -> MailAddress.forPremises(OdsCode.of("E08000001")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("not a pharmacy premises");
    }
}
