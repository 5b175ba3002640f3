package uk.nhs.pharmacy.portal.provisioning;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code doveadm -f tab dict iter <dict> shared/last-login/} prints, read as sign-ins. */
class LastLoginsTest {

    @Test
    void eachKeyIsAPersonAndEachValueSecondsSinceTheEpoch() {
        String output = "key\tvalue\nshared/last-login/Leo.Lindqvist@nhs.net\t1764763200\nshared/last-login/a@nhs.net\t1733200000\n";
        assertThat(DovecotPlatform.parseLastLogins(output)).containsOnlyKeys("leo.lindqvist@nhs.net", "a@nhs.net")
                .containsEntry("leo.lindqvist@nhs.net", Instant.ofEpochSecond(1764763200L));
    }

    @Test
    void linesThatAreNotLastLoginsAreLeftOut() {
        String output = "key\tvalue\nshared/other/x@nhs.net\t1733200000\nshared/last-login/b@nhs.net\tnot-a-time\n\n";
        assertThat(DovecotPlatform.parseLastLogins(output)).isEmpty();
    }
}
