package uk.nhs.pharmacy.portal.onboarding;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.nhs.pharmacy.portal.platform.CsvReader;
import uk.nhs.pharmacy.portal.platform.RuleViolation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The multi-premises spreadsheet: one row per premises, as CSV or XLSX, headed by the template's
 * column headings. Rows are numbered as the spreadsheet numbers them (the heading is row 1). Cells
 * are read as text and never evaluated: a formula is kept as its text, {@code =...}.
 */
public final class RegistrationFile {

    public static final int MAX_ROWS = 20_000;
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    /** A row of the file, checked on its own (duplicates and existing requests are checked later). */
    public record Line(int rowNo, Map<RegistrationField, String> raw, RegistrationDetails details, String problem)
            implements Serializable {
        public boolean ok() {
            return problem == null;
        }

        public Line rejected(String why) {
            return new Line(rowNo, raw, details, why);
        }

        public String text(RegistrationField field) {
            return raw.getOrDefault(field, "");
        }

        public String odsText() {
            return details == null ? text(RegistrationField.ODS_CODE) : details.odsCode().value();
        }
    }

    private RegistrationFile() {
    }

    public static List<Line> parse(byte[] content) {
        if (content.length > MAX_BYTES) {
            throw RuleViolation.because("refusal.onboarding.theFileIsLarger", MAX_BYTES / (1024 * 1024));
        }
        List<List<String>> rows = isZip(content) ? xlsxRows(content) : csvRows(content);
        if (rows.isEmpty()) {
            throw RuleViolation.because("refusal.onboarding.theFileIsEmpty");
        }
        Map<RegistrationField, Integer> columns = columns(rows.get(0));
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            if (lines.size() == MAX_ROWS) {
                throw RuleViolation.because("refusal.onboarding.theFileHasMore", MAX_ROWS);
            }
            Map<RegistrationField, String> raw = new EnumMap<>(RegistrationField.class);
            columns.forEach((field, column) -> raw.put(field, column < cells.size() && cells.get(column) != null
                    ? cells.get(column) : ""));
            RegistrationDetails.Checked checked = RegistrationDetails.check(raw);
            lines.add(new Line(i + 1, raw, checked.details(), checked.ok() ? null : checked.summary()));
        }
        return lines;
    }

    private static Map<RegistrationField, Integer> columns(List<String> heading) {
        Map<RegistrationField, Integer> columns = new EnumMap<>(RegistrationField.class);
        for (int i = 0; i < heading.size(); i++) {
            RegistrationField field = RegistrationField.forHeading(heading.get(i));
            if (field != null) {
                columns.putIfAbsent(field, i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (RegistrationField field : RegistrationField.values()) {
            if (!columns.containsKey(field)) {
                missing.add(field.heading());
            }
        }
        if (!missing.isEmpty()) {
            throw RuleViolation.because("refusal.onboarding.row1MustHold", String.join(", ", missing));
        }
        return columns;
    }

    private static boolean isZip(byte[] content) {
        return content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static List<List<String>> csvRows(byte[] content) {
        List<List<String>> rows = new ArrayList<>();
        try {
            CsvReader csv = new CsvReader(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                if (rows.isEmpty() && !row.isEmpty() && row.get(0).startsWith("\ufeff")) {
                    row.set(0, row.get(0).substring(1));
                }
                rows.add(row);
                if (rows.size() > MAX_ROWS + 1) {
                    break;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw RuleViolation.because("refusal.onboarding.theFileCouldNot", e.getMessage());
        }
        return rows;
    }

    private static List<List<String>> xlsxRows(byte[] content) {
        DataFormatter formatter = new DataFormatter(java.util.Locale.UK);
        List<List<String>> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            int last = Math.min(sheet.getLastRowNum(), MAX_ROWS + 1);
            for (int r = 0; r <= last; r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                }
                rows.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            throw RuleViolation.because("refusal.onboarding.theFileCouldNot2", e.getMessage());
        }
        return rows;
    }

    /** A cell's text; a formula's own text, never its result. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return "=" + cell.getCellFormula();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            // A phone number typed into a number cell: whole digits, no grouping or exponent.
            double value = cell.getNumericCellValue();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
        }
        return formatter.formatCellValue(cell);
    }
}
