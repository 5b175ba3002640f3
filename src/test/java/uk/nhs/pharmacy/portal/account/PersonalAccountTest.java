package uk.nhs.pharmacy.portal.account;

import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.Postcode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalAccountTest {

    private static final Instant LEFT = Instant.parse("2026-11-01T09:00:00Z");
    private final Organisation bolton = Organisation.area(OdsCode.of("E08000001"), "Bolton", null);
    private final Organisation a1 = Organisation.premises(OdsCode.premises("FM664"), "A1", "x", Postcode.of("BL3 1SX"), bolton, null);
    private final Organisation other = Organisation.premises(OdsCode.premises("FFP01"), "Asda", "y", Postcode.of("BL3 2QS"), bolton, null);
    private final PersonalAccount jane = new PersonalAccount(MailAddress.of("jane.smith@nhs.net"), "Jane", "Smith", JobRole.DISPENSER, a1);

    @Test
    void aLeaverMayJoinAnotherOrganisationWithin30Days() {
        jane.markLeaver(LEFT);
        assertThat(jane.mayReceiveAccess()).isFalse();
        jane.acceptAsJoiner(other, LEFT.plus(Duration.ofDays(29)));
        assertThat(jane.getStatus()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(jane.getHomeOrganisation()).isSameAs(other);
    }

    @Test
    void afterThirtyDaysItIsTooLateToJoin() {
        jane.markLeaver(LEFT);
        assertThatThrownBy(() -> jane.acceptAsJoiner(other, LEFT.plus(Duration.ofDays(31))))
                .hasMessageContaining("30-day");
    }

    @Test
    void needsNames() {
        assertThatThrownBy(() -> new PersonalAccount(MailAddress.of("x.y@nhs.net"), " ", "Y", JobRole.OTHER, a1))
                .hasMessageContaining("first and a last name");
    }
}
