package uk.nhs.pharmacy.portal.sending;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a secure-list entry covers a recipient's domain: subdomains, case, trailing dots, look-alikes. */
class SecureDomainRuleTest {

    private static boolean safe(String entry, String address) {
        String domain = SecureDomainRule.domainOf(address).orElse(null);
        return domain != null && SecureDomainRule.covers(SecureDomainRule.normalise(entry).orElseThrow(), domain);
    }

    @Test
    void anEntryCoversItselfAndItsSubdomains() {
        assertThat(safe("nhs.net", "gp.practice@nhs.net")).isTrue();
        assertThat(safe("police.uk", "custody@met.police.uk")).isTrue();
        assertThat(safe("police.uk", "someone@pnn.police.uk")).isTrue();
        assertThat(safe("gsi.gov.uk", "clerk@justice.gsi.gov.uk")).isTrue();
    }

    @Test
    void caseAndTrailingDotsDoNotMatter() {
        assertThat(safe("NHS.net.", "GP.Practice@NHS.NET")).isTrue();
        assertThat(safe("nhs.net", "gp.practice@nhs.net.")).isTrue();
        assertThat(safe("nhs.net", "<gp.practice@nhs.net>")).isTrue();
    }

    @Test
    void lookAlikesAreNotCovered() {
        assertThat(safe("nhs.net", "someone@nhs.net.evil.com")).isFalse();
        assertThat(safe("nhs.net", "someone@evilnhs.net")).isFalse();
        assertThat(safe("nhs.net", "someone@nhs.network")).isFalse();
        assertThat(safe("police.uk", "someone@police.uk.example.com")).isFalse();
        assertThat(safe("nhs.net", "nhs.net@example.com")).isFalse();
        assertThat(safe("nhs.net", "someone@xn--nhs-9na.net")).isFalse();
    }

    @Test
    void whatIsNotADomainIsRefused() {
        assertThat(SecureDomainRule.normalise("localhost")).isEmpty();
        assertThat(SecureDomainRule.normalise("nhs..net")).isEmpty();
        assertThat(SecureDomainRule.normalise("-bad.net")).isEmpty();
        assertThat(SecureDomainRule.normalise("*.police.uk")).isEmpty();
        assertThat(SecureDomainRule.normalise(" ")).isEmpty();
        assertThat(SecureDomainRule.domainOf("no-at-sign")).isEmpty();
        assertThat(SecureDomainRule.domainOf("trailing@")).isEmpty();
        assertThat(SecureDomainRule.normalise("Pnn.Police.UK.")).hasValue("pnn.police.uk");
    }
}
