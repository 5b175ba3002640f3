package uk.nhs.pharmacy.portal.onboarding;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.nhs.pharmacy.portal.platform.SpreadsheetCell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The template contractors download: the headings, text-formatted columns, and a sheet of instructions. */
public final class RegistrationTemplate {

    static final List<String> INSTRUCTIONS = List.of(
            "One row per premises, starting on row 2. Keep the headings in row 1.",
            "Trading name: the name on the premises, e.g. Cohens Chemist.",
            "Owner's name: the contractor or the person who owns the pharmacy.",
            "Premises address: the street address without the postcode.",
            "Postcode: the premises' postcode, e.g. BL3 1SX.",
            "Pharmacy ODS code: the premises' F code, e.g. FM664.",
            "Pharmacy telephone: a UK number, e.g. 0161 496 0000.",
            "Current pharmacy email: where the pharmacy gets email today.",
            "Save as XLSX or CSV (UTF-8) and upload it on the registration page. The same file uploaded twice creates nothing new.");

    private RegistrationTemplate() {
    }

    public static byte[] csv() {
        return ("\ufeff" + String.join(",", headings().stream().map(SpreadsheetCell::csv).toList()) + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static void xlsx(OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Premises");
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle heading = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            Row row = sheet.createRow(0);
            List<String> headings = headings();
            for (int i = 0; i < headings.size(); i++) {
                row.createCell(i).setCellValue(headings.get(i));
                row.getCell(i).setCellStyle(heading);
                sheet.setDefaultColumnStyle(i, text); // ODS codes and phone numbers stay text
                sheet.setColumnWidth(i, 28 * 256);
            }
            sheet.createFreezePane(0, 1);
            Sheet help = workbook.createSheet("Instructions");
            for (int i = 0; i < INSTRUCTIONS.size(); i++) {
                help.createRow(i).createCell(0).setCellValue(INSTRUCTIONS.get(i));
            }
            help.setColumnWidth(0, 110 * 256);
            workbook.write(out);
        }
    }

    public static List<String> headings() {
        return Arrays.stream(RegistrationField.values()).map(RegistrationField::heading).toList();
    }

    /** A row of a filled template, in column order (for tests and for exporting requests back out). */
    public static List<String> row(Map<RegistrationField, String> values) {
        return Arrays.stream(RegistrationField.values()).map(f -> values.getOrDefault(f, "")).toList();
    }
}
