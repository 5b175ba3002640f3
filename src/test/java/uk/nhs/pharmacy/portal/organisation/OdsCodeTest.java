package uk.nhs.pharmacy.portal.organisation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OdsCodeTest {

    @Test
    void premisesCodeIsTrimmedAndUpperCased() {
        assertThat(OdsCode.premises("  fm664 ").value()).isEqualTo("FM664");
        assertThat(OdsCode.premises("FM664")).isEqualTo(OdsCode.premises("fm664"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"M664", "FM66", "FM6641", "GM664", "F-664", "FM 64"})
    void rejectsWhatIsNotAnFCode(String raw) {
        assertThatThrownBy(() -> OdsCode.premises(raw))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(raw)
                .hasMessageContaining("F followed by 4");
    }

    @Test
    void blankIsRequiredNotInvalid() {
        assertThatThrownBy(() -> OdsCode.premises("  "))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.odsCode.required"));
    }

    @Test
    void otherOrganisationsHaveOtherShapes() {
        OdsCode area = OdsCode.of("e08000001");
        assertThat(area.value()).isEqualTo("E08000001");
        assertThat(area.isPharmacyPremises()).isFalse();
        assertThat(OdsCode.of("FM664").isPharmacyPremises()).isTrue();
        assertThatThrownBy(() -> OdsCode.of("AB")).isInstanceOf(InvalidValueException.class);
    }
}
