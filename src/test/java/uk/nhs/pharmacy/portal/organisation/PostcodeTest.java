package uk.nhs.pharmacy.portal.organisation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.nhs.pharmacy.portal.demo.GmPharmacy;
import uk.nhs.pharmacy.portal.demo.GmPharmacyList;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostcodeTest {

    @ParameterizedTest
    @CsvSource({"bl31sx,BL3 1SX", "BL3  1SX,BL3 1SX", " m1 1ae ,M1 1AE", "SW1A1AA,SW1A 1AA", "w1a 0ax,W1A 0AX", "EC1A1BB,EC1A 1BB"})
    void normalisesToTheStandardForm(String raw, String expected) {
        assertThat(Postcode.of(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BL3", "12345", "BL3 1S", "QL3 1SX", "BL3 1SXX", "BL3 ISX"})
    void rejectsWhatIsNotAPostcode(String raw) {
        assertThatThrownBy(() -> Postcode.of(raw))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("not a UK postcode");
    }

    @Test
    void outwardCodeIsTheDistrict() {
        assertThat(Postcode.of("BL3 1SX").outward()).isEqualTo("BL3");
    }

    @Test
    void everyGreaterManchesterPostcodeIsValid() {
        for (GmPharmacy pharmacy : GmPharmacyList.load()) {
            assertThat(Postcode.of(pharmacy.postcode()).value()).isEqualTo(pharmacy.postcode().strip());
        }
    }
}
