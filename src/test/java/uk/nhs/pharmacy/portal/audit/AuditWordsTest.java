package uk.nhs.pharmacy.portal.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditWordsTest {

    private final AuditWords words = new AuditWords();

    @Test
    void permissionListsJobRolesAndStatesAreShownInWords() {
        assertThat(words.of("leo.lindqvist@nhs.net on pharmacy.fm664@nhs.net [FULL_ACCESS, SEND_AS] owner, last day Thu 17 Dec 2026"))
                .isEqualTo("leo.lindqvist@nhs.net on pharmacy.fm664@nhs.net (Full Access, Send As) owner, last day Thu 17 Dec 2026");
        assertThat(words.of("Nina Newstarter, LOCUM_PHARMACIST")).isEqualTo("Nina Newstarter, Locum pharmacist");
        assertThat(words.of("pharmacy.fm664@nhs.net ACTIVE")).isEqualTo("pharmacy.fm664@nhs.net Active");
        assertThat(words.of("FULL_ACCESS,SEND_AS,OWNER")).as("the rights a platform change sets").isEqualTo("Full Access, Send As, Owner");
    }

    @Test
    void whatIsNoCodeOfOursIsLeftAsItIs() {
        assertThat(words.of("platform set to the portal's access")).isEqualTo("platform set to the portal's access");
        assertThat(words.of("NOT_A_CODE of ours")).isEqualTo("NOT_A_CODE of ours");
        assertThat(words.of(null)).isNull();
    }
}
