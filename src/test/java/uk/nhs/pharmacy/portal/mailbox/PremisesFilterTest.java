package uk.nhs.pharmacy.portal.mailbox;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PremisesFilterTest {

    @Test
    void aWholePostcodeIsFoundHoweverItIsTypedAndAPartFromTheStart() {
        assertThat(PremisesFilter.postcodeStart("BL31SX")).isEqualTo("BL3 1SX%");
        assertThat(PremisesFilter.postcodeStart(" bl3  1sx ")).isEqualTo("BL3 1SX%");
        assertThat(PremisesFilter.postcodeStart("bl3")).isEqualTo("BL3%");
        assertThat(PremisesFilter.postcodeStart("Boots")).isEqualTo("BOOTS%");
    }

    @Test
    void theSearchBoxMatchesThePostcodeAsStored() {
        assertThat(PremisesFilter.of(Map.of("search", "BL31SX")).jpql()).contains("o.postcode like :searchPostcode");
    }
}
