package uk.nhs.pharmacy.portal.organisation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganisationTest {

    private final Organisation gm = Organisation.area(OdsCode.of("E54000057"), "Greater Manchester", null);
    private final Organisation bolton = Organisation.area(OdsCode.of("E08000001"), "Bolton", gm);
    private final Organisation cohens = Organisation.contractor(OdsCode.of("C00001"), "Cohens Chemist");

    @Test
    void premisesLieInAnAreaAndBelongToAContractor() {
        Organisation premises = Organisation.premises(OdsCode.premises("FA001"), " Cohens Chemist ", "1 High St",
                Postcode.of("bl1 1aa"), bolton, cohens);
        assertThat(premises.getName()).isEqualTo("Cohens Chemist");
        assertThat(premises.getArea()).isSameAs(bolton);
        assertThat(premises.getParent()).isSameAs(cohens);
        assertThat(bolton.getParent()).isSameAs(gm);
    }

    @Test
    void premisesNeedAnFCodeAnAreaAndAPostcode() {
        assertThatThrownBy(() -> Organisation.premises(OdsCode.of("E08000001"), "X", "a", Postcode.of("BL1 1AA"), bolton, null))
                .hasMessageContaining("is not a pharmacy premises");
        assertThatThrownBy(() -> Organisation.premises(OdsCode.premises("FA001"), "X", "a", Postcode.of("BL1 1AA"), null, null))
                .hasMessageContaining("must lie in an area");
        assertThatThrownBy(() -> Organisation.premises(OdsCode.premises("FA001"), "X", "a", null, bolton, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void kindsAreChecked() {
        assertThatThrownBy(() -> Organisation.premises(OdsCode.premises("FA001"), "X", "a", Postcode.of("BL1 1AA"), cohens, null))
                .hasMessageContaining("area must be of kind AREA");
        assertThatThrownBy(() -> Organisation.premises(OdsCode.premises("FA001"), "X", "a", Postcode.of("BL1 1AA"), bolton, gm))
                .hasMessageContaining("contractor must be of kind CONTRACTOR");
        assertThatThrownBy(() -> Organisation.contractor(OdsCode.of("C00002"), " ")).hasMessageContaining("needs a name");
    }
}
