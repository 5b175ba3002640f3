package uk.nhs.pharmacy.portal.leaver;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BulkLeaverFileTest {

    private static List<BulkLeaverFile.Line> parse(String text) {
        return BulkLeaverFile.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheHeaderOptionallyAndNumbersLinesAsTheFileDoes() {
        List<BulkLeaverFile.Line> lines = parse("\uFEFF" + BulkLeaverFile.HEADER + "\r\n"
                + " Jo.Bloggs@NHS.net ,Premises, fa064 ,2026-12-31\r\n\r\n"
                + "ann.example@nhs.net,nhs,,31/12/2026\r\n");
        assertThat(lines).extracting(BulkLeaverFile.Line::lineNo).containsExactly(2, 4);
        assertThat(lines).allMatch(BulkLeaverFile.Line::ok);
        assertThat(lines.get(0).account().value()).isEqualTo("jo.bloggs@nhs.net");
        assertThat(lines.get(0).left().value()).isEqualTo("FA064");
        assertThat(lines.get(0).kind()).isEqualTo(LeaverKind.LEAVES_PREMISES);
        assertThat(lines.get(1).effectiveDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(lines.get(1).left()).isNull();
    }

    @Test
    void givesEveryProblemOfALineInOneReason() {
        BulkLeaverFile.Line line = parse("nobody,quits,,tomorrow,extra").get(0);
        assertThat(line.ok()).isFalse();
        assertThat(line.problem()).contains("address").contains("'quits' is not a kind of leaver")
                .contains("'tomorrow' is not a date").contains("too many columns");
        assertThat(parse("a.b@nhs.net,premises,,").get(0).problem()).contains("ODS code of the premises left is missing");
        assertThat(parse("a.b@nhs.net,premises,C0007,").get(0).problem()).contains("not a pharmacy ODS code");
        assertThat(parse("a.b@nhs.net,nhs,FA064,").get(0).problem()).contains("leave the ODS code empty");
        assertThat(parse("a.b@nhs.net,contractor,C0007,").get(0).ok()).isTrue();
    }
}
