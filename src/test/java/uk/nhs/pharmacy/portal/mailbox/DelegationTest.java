package uk.nhs.pharmacy.portal.mailbox;

import uk.nhs.pharmacy.portal.platform.RuleViolation;
import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.Postcode;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DelegationTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Organisation bolton = Organisation.area(OdsCode.of("E08000001"), "Bolton", null);
    private final Organisation premises = Organisation.premises(OdsCode.premises("FM664"), "A1 Pharmacy",
            "491 Radcliffe Road, Bolton", Postcode.of("BL3 1SX"), bolton, Organisation.contractor(OdsCode.of("C00001"), "A1 Pharmacy"));
    private final SharedMailbox mailbox = SharedMailbox.conforming(premises, NOW.minus(Duration.ofDays(100)));
    private final PersonalAccount jane = new PersonalAccount(MailAddress.of("jane.smith@nhs.net"), "Jane", "Smith",
            JobRole.PHARMACIST, premises);

    @Test
    void aGrantIsLiveUntilItExpiresOrIsRevoked() {
        Delegation d = Delegation.grant(mailbox, jane, EnumSet.of(Permission.FULL_ACCESS), false, "loa.bolton", NOW,
                "Locum cover", NOW.plus(Duration.ofDays(7)));
        assertThat(d.isLiveAt(NOW)).isTrue();
        assertThat(d.isLiveAt(NOW.plus(Duration.ofDays(7)))).isFalse();
        d.revoke("loa.bolton", NOW.plusSeconds(60), "Cover ended early");
        assertThat(d.isRevoked()).isTrue();
        assertThat(d.isLiveAt(NOW.plusSeconds(61))).isFalse();
        assertThat(d.getRevokeReason()).isEqualTo("Cover ended early");
    }

    @Test
    void aRevokeNeedsAReasonAndHappensOnce() {
        Delegation d = Delegation.grant(mailbox, jane, Set.of(Permission.FULL_ACCESS), false, "loa.bolton", NOW, null, null);
        assertThatThrownBy(() -> d.revoke("loa.bolton", NOW, " ")).hasMessageContaining("reason");
        d.revoke("loa.bolton", NOW, "Left");
        assertThatThrownBy(() -> d.revoke("loa.bolton", NOW, "Again")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("already revoked");
        assertThatThrownBy(() -> d.changePermissions(Set.of(Permission.SEND_AS), false)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void needsAPermissionAndAnOwnerNeedsFullAccess() {
        assertThatThrownBy(() -> Delegation.grant(mailbox, jane, Set.of(), false, "x", NOW, null, null))
                .hasMessageContaining("at least one permission");
        assertThatThrownBy(() -> Delegation.grant(mailbox, jane, Set.of(Permission.SEND_AS), true, "x", NOW, null, null))
                .hasMessageContaining("owner must also have Full Access");
    }

    @Test
    void anExpiryMustFollowTheGrant() {
        assertThatThrownBy(() -> Delegation.grant(mailbox, jane, Set.of(Permission.FULL_ACCESS), false, "x", NOW, null,
                NOW.minusSeconds(1))).hasMessageContaining("on or after the day access was given");
    }

    @Test
    void aLeaverCannotBeGivenAccess() {
        jane.markLeaver(NOW);
        assertThatThrownBy(() -> Delegation.grant(mailbox, jane, Set.of(Permission.FULL_ACCESS), false, "x", NOW, null, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("is Active (Leaver) and cannot be given access");
    }

    @Test
    void aClosedMailboxTakesNoDelegations() {
        mailbox.close();
        assertThatThrownBy(() -> Delegation.grant(mailbox, jane, Set.of(Permission.FULL_ACCESS), false, "x", NOW, null, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("is Closed and takes no delegations");
    }
}
