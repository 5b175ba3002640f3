package uk.nhs.pharmacy.portal.sending;

import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A company number's format: 8 digits, or 2 letters then 6 digits. */
class CompanyNumberTest {

    @Test
    void digitsOrTwoLettersThenDigits() {
        assertThat(CompanyNumber.of("01234567").value()).isEqualTo("01234567");
        assertThat(CompanyNumber.of("sc123456").value()).isEqualTo("SC123456");
        assertThat(CompanyNumber.of("NI 012345").value()).isEqualTo("NI012345");
        assertThat(CompanyNumber.of("OC301234").value()).isEqualTo("OC301234");
    }

    @Test
    void anythingElseIsRefusedWithItsKey() {
        for (String wrong : new String[]{"1234567", "123456789", "S1234567", "SC12345", "SC1234567", "12-34567", "ABCDEFGH", "", null}) {
            assertThatThrownBy(() -> CompanyNumber.of(wrong)).as(String.valueOf(wrong)).isInstanceOf(InvalidValueException.class)
                    .satisfies(e -> assertThat(((InvalidValueException) e).messageKey()).isEqualTo("validation.companyNumber"));
        }
    }

    @Test
    void theDetailsAFormNeedsAndTheFooterTheyMake() {
        Disclosure company = new Disclosure(1L);
        company.change(new DisclosureInput(LegalForm.COMPANY, "Cohens Chemist Ltd", null, "England and Wales", null, null, null),
                "owner.cohens", java.time.Instant.EPOCH);
        assertThat(company.missing()).containsExactly("disclosure.companyNumber", "disclosure.registeredOffice");
        assertThat(Footer.of("Cohens Chemist", company)).isEmpty();
        company.change(new DisclosureInput(LegalForm.COMPANY, "Cohens Chemist Ltd", "01234567", "England and Wales",
                "1 High Street, Bury BL9 0SN", null, null), "owner.cohens", java.time.Instant.EPOCH);
        assertThat(company.isComplete()).isTrue();
        assertThat(Footer.of("Cohens Chemist", company)).hasValue("Cohens Chemist is a trading name of Cohens Chemist Ltd, a company "
                + "registered in England and Wales, company number 01234567. Registered office: 1 High Street, Bury BL9 0SN.");

        Disclosure partners = new Disclosure(2L);
        partners.change(new DisclosureInput(LegalForm.PARTNERSHIP, null, null, null, null, "A. Aziz and B. Aziz", null), "x",
                java.time.Instant.EPOCH);
        assertThat(partners.missing()).containsExactly("disclosure.serviceAddress");
    }
}
