package uk.nhs.pharmacy.portal.platform;

/**
 * Text made safe for a spreadsheet cell: a value a spreadsheet would read as a formula (it starts
 * with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe (CSV injection).
 */
public final class SpreadsheetCell {

    private SpreadsheetCell() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    /** Fills a spreadsheet row with text cells, each neutralised. */
    public static void fill(org.apache.poi.ss.usermodel.Row row, java.util.List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(neutralise(cells.get(i)));
        }
    }

    /** One CSV field (RFC 4180): neutralised, and quoted when it holds a comma, quote or line break. */
    public static String csv(String value) {
        String safe = neutralise(value);
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
