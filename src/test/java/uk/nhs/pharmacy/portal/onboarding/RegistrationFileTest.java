package uk.nhs.pharmacy.portal.onboarding;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.demo.GmPharmacy;
import uk.nhs.pharmacy.portal.demo.GmPharmacyList;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.SpreadsheetCell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationFileTest {

    /** The Greater Manchester list as a contractor would fill the template: the list's own columns, plus contact details. */
    static List<Map<RegistrationField, String>> greaterManchester() {
        List<Map<RegistrationField, String>> rows = new ArrayList<>();
        int i = 0;
        for (GmPharmacy p : GmPharmacyList.load()) {
            Map<RegistrationField, String> row = new EnumMap<>(RegistrationField.class);
            row.put(RegistrationField.TRADING_NAME, p.tradingName());
            row.put(RegistrationField.OWNER_NAME, "Owner of " + p.tradingName());
            row.put(RegistrationField.ADDRESS, p.address());
            row.put(RegistrationField.POSTCODE, p.postcode());
            row.put(RegistrationField.ODS_CODE, p.odsCode());
            row.put(RegistrationField.TELEPHONE, String.format("0161 496 %04d", i++));
            row.put(RegistrationField.CURRENT_EMAIL, p.odsCode().toLowerCase() + "@pharmacy.example.co.uk");
            rows.add(row);
        }
        return rows;
    }

    static byte[] csv(List<Map<RegistrationField, String>> rows) {
        StringBuilder text = new StringBuilder(new String(RegistrationTemplate.csv(), StandardCharsets.UTF_8));
        for (Map<RegistrationField, String> row : rows) {
            text.append(String.join(",", RegistrationTemplate.row(row).stream().map(SpreadsheetCell::csv).toList())).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theWholeGreaterManchesterListIsAcceptedThroughTheCsvTemplate() {
        List<RegistrationFile.Line> lines = RegistrationService.repeatsWithinFile(RegistrationFile.parse(csv(greaterManchester())));
        assertThat(lines).hasSize(631);
        assertThat(lines).filteredOn(l -> !l.ok()).isEmpty();
        assertThat(lines.get(0).rowNo()).isEqualTo(2);
    }

    @Test
    void theWholeGreaterManchesterListIsAcceptedThroughTheXlsxTemplate() throws IOException {
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        RegistrationTemplate.xlsx(template);
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            int r = 1;
            for (Map<RegistrationField, String> values : greaterManchester()) {
                Row row = sheet.createRow(r++);
                List<String> cells = RegistrationTemplate.row(values);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }
        List<RegistrationFile.Line> lines = RegistrationService.repeatsWithinFile(RegistrationFile.parse(filled));
        assertThat(lines).hasSize(631).allMatch(RegistrationFile.Line::ok);
    }

    @Test
    void malformedRowsAreReportedByRowNumberAndTheGoodOnesKept() {
        List<Map<RegistrationField, String>> rows = new ArrayList<>(greaterManchester().subList(0, 3));
        Map<RegistrationField, String> badPostcode = new EnumMap<>(rows.get(0));
        badPostcode.put(RegistrationField.ODS_CODE, "FZZ91");
        badPostcode.put(RegistrationField.POSTCODE, "M60");
        rows.add(badPostcode); // row 5
        Map<RegistrationField, String> noOds = new EnumMap<>(rows.get(1));
        noOds.put(RegistrationField.ODS_CODE, "");
        rows.add(noOds); // row 6
        rows.add(new EnumMap<>(rows.get(2))); // row 7: the same premises as row 4
        List<RegistrationFile.Line> lines = RegistrationService.repeatsWithinFile(RegistrationFile.parse(csv(rows)));
        assertThat(lines).extracting(RegistrationFile.Line::rowNo).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(lines.subList(0, 3)).allMatch(RegistrationFile.Line::ok);
        assertThat(lines.get(3).problem()).isEqualTo("Postcode: 'M60' is not a UK postcode (e.g. BL3 1SX)");
        assertThat(lines.get(4).problem()).isEqualTo("Pharmacy ODS code: is required");
        assertThat(lines.get(5).problem()).contains("is also on row 4");
    }

    @Test
    void aFormulaCellIsReadAsItsTextNeverItsResult() throws IOException {
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Premises");
            Row heading = sheet.createRow(0);
            List<String> headings = RegistrationTemplate.headings();
            for (int c = 0; c < headings.size(); c++) {
                heading.createCell(c).setCellValue(headings.get(c));
            }
            Row row = sheet.createRow(1);
            List<String> cells = RegistrationTemplate.row(greaterManchester().get(0));
            for (int c = 0; c < cells.size(); c++) {
                row.createCell(c).setCellValue(cells.get(c));
            }
            row.getCell(0).setCellFormula("HYPERLINK(\"http://evil.example\",\"Click me\")");
            row.getCell(5).setCellValue(1614960000d); // a phone number typed as a number
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }
        RegistrationFile.Line line = RegistrationFile.parse(filled).get(0);
        assertThat(line.ok()).as(String.valueOf(line.problem())).isTrue();
        assertThat(line.details().tradingName()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"Click me\")");
        assertThat(line.details().telephone().value()).isEqualTo("0161 496 0000");
    }

    @Test
    void aFileWithoutTheHeadingsIsRefusedSayingWhichAreMissing() {
        byte[] file = "Name,Postcode\nBoots,BL3 1SX\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RegistrationFile.parse(file)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("Owner's name").hasMessageContaining("Pharmacy ODS code");
    }
}
