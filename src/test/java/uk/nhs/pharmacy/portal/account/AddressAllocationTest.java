package uk.nhs.pharmacy.portal.account;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AddressAllocationTest {

    @Test
    void thePlainFormWhenFree() {
        assertThat(AddressAllocation.next("Jane", "Smith", List.of("jane.smithson@nhs.net")).value())
                .isEqualTo("jane.smith@nhs.net");
    }

    @Test
    void aNumberFromTwoOnAClash() {
        assertThat(AddressAllocation.next("Jane", "Smith", List.of("jane.smith@nhs.net")).value())
                .isEqualTo("jane.smith2@nhs.net");
        assertThat(AddressAllocation.next("Jane", "Smith", List.of("jane.smith@nhs.net", "jane.smith2@nhs.net",
                "jane.smith4@nhs.net")).value()).isEqualTo("jane.smith3@nhs.net");
    }

    @Test
    void namesAreNormalised() {
        assertThat(AddressAllocation.next(" Zoë ", "O'Brien", List.of()).value()).isEqualTo("zoe.obrien@nhs.net");
    }
}
