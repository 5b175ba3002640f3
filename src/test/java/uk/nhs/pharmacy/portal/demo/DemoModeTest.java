package uk.nhs.pharmacy.portal.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoModeTest {

    @Test
    void autoMeansOnlyTheEmbeddedDatabase() {
        assertThat(DemoMode.isOn("auto", "jdbc:h2:file:/tmp/x;MODE=LEGACY")).isTrue();
        assertThat(DemoMode.isOn(null, "jdbc:h2:file:/tmp/x")).isTrue();
        assertThat(DemoMode.isOn("auto", "jdbc:mysql://db.example:3306/portal")).isFalse();
    }

    @Test
    void explicitSettingsWin() {
        assertThat(DemoMode.isOn("true", "jdbc:mysql://127.0.0.1:3306/test")).isTrue();
        assertThat(DemoMode.isOn(" FALSE ", "jdbc:h2:file:/tmp/x")).isFalse();
        assertThatThrownBy(() -> DemoMode.isOn("yes", "jdbc:h2:mem:x")).hasMessageContaining("auto, true or false");
    }
}
