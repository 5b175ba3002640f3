package uk.nhs.pharmacy.portal.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellTest {

    @Test
    void formulasAreNeutralised() {
        assertThat(SpreadsheetCell.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SpreadsheetCell.neutralise("+44 161")).isEqualTo("'+44 161");
        assertThat(SpreadsheetCell.neutralise("-1+1")).isEqualTo("'-1+1");
        assertThat(SpreadsheetCell.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCell.neutralise("\t=1")).isEqualTo("'\t=1");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertThat(SpreadsheetCell.neutralise("Boots")).isEqualTo("Boots");
        assertThat(SpreadsheetCell.neutralise("O'Brien's Pharmacy")).isEqualTo("O'Brien's Pharmacy");
        assertThat(SpreadsheetCell.neutralise(null)).isEmpty();
    }

    @Test
    void csvFieldsAreQuotedWhenTheyMustBe() {
        assertThat(SpreadsheetCell.csv("491 Radcliffe Road, Bolton")).isEqualTo("\"491 Radcliffe Road, Bolton\"");
        assertThat(SpreadsheetCell.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SpreadsheetCell.csv("=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetCell.csv("plain")).isEqualTo("plain");
    }
}
