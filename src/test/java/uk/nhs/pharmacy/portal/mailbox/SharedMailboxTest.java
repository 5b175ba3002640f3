package uk.nhs.pharmacy.portal.mailbox;

import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.Postcode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedMailboxTest {

    private final Organisation bolton = Organisation.area(OdsCode.of("E08000001"), "Bolton", null);
    private final Organisation premises = Organisation.premises(OdsCode.premises("FM664"), "A1 Pharmacy", "Bolton",
            Postcode.of("BL3 1SX"), bolton, null);

    @Test
    void aConformingMailboxIsNamedByTheConvention() {
        SharedMailbox mailbox = SharedMailbox.conforming(premises, Instant.EPOCH);
        assertThat(mailbox.getAddress().value()).isEqualTo("pharmacy.fm664@nhs.net");
        assertThat(mailbox.getStatus()).isEqualTo(MailboxStatus.ACTIVE);
        assertThat(mailbox.isConvention()).isTrue();
    }

    @Test
    void aLegacyMailboxKeepsItsAddressUntilConverted() {
        SharedMailbox legacy = SharedMailbox.legacy(premises, MailAddress.of("a1pharmacy.bolton@nhs.net"), Instant.EPOCH);
        assertThat(legacy.getStatus()).isEqualTo(MailboxStatus.LEGACY_NON_CONFORMING);
        assertThat(legacy.isConvention()).isFalse();
    }

    @Test
    void onlyAPremisesHasAMailbox() {
        assertThatThrownBy(() -> SharedMailbox.conforming(bolton, Instant.EPOCH))
                .hasMessageContaining("is not a pharmacy premises");
    }
}
