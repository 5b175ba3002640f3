package uk.nhs.pharmacy.portal.leaver;

import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.CsvReader;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bulk leaver file read line by line: {@code account,kind,ods_code,effective_date}, one leaver per
 * line, an optional header line. Each line is checked on its own here (format); the service then
 * checks it against the database (the account, the organisation, scope, duplicates).
 */
public final class BulkLeaverFile {

    public static final String HEADER = "account,kind,ods_code,effective_date";
    public static final int MAX_LINES = 50_000;
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private BulkLeaverFile() {
    }

    /** One line as read; {@code problem} is null when its format is right. Line numbers count the header. */
    public record Line(int lineNo, String address, String kindText, String odsText, LocalDate effectiveDate,
                       LeaverKind kind, MailAddress account, OdsCode left, String problem) implements java.io.Serializable {

        Line withProblem(String why) {
            return new Line(lineNo, address, kindText, odsText, effectiveDate, kind, account, left, why);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    public static List<Line> parse(byte[] content) {
        List<Line> lines = new ArrayList<>();
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // Excel's byte-order mark
        }
        CsvReader csv = new CsvReader(new InputStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
        try {
            int lineNo = 0;
            List<String> record;
            while ((record = csv.next()) != null) {
                lineNo++;
                if (lineNo == 1 && !record.isEmpty() && record.get(0).strip().toLowerCase(Locale.ROOT).startsWith("account")) {
                    continue; // the header
                }
                if (record.stream().allMatch(String::isBlank)) {
                    continue; // a blank line, e.g. at the end
                }
                if (lines.size() >= MAX_LINES) {
                    throw RuleViolation.because("refusal.leaver.fileTooLong", MAX_LINES);
                }
                lines.add(line(lineNo, record));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static Line line(int lineNo, List<String> record) {
        String address = cell(record, 0);
        String kindText = cell(record, 1);
        String odsText = cell(record, 2);
        String dateText = cell(record, 3);
        List<String> problems = new ArrayList<>();
        MailAddress account = null;
        try {
            account = MailAddress.of(address);
        } catch (InvalidValueException e) {
            problems.add(address.isEmpty() ? "the account address is missing" : e.getMessage());
        }
        LeaverKind kind = LeaverKind.parse(kindText).orElse(null);
        if (kind == null) {
            problems.add(kindText.isEmpty() ? "the kind is missing (premises, contractor or nhs)"
                    : "'" + kindText + "' is not a kind of leaver (premises, contractor or nhs)");
        }
        OdsCode left = null;
        if (kind != null && kind.needsScopeOrganisation()) {
            try {
                left = kind == LeaverKind.LEAVES_PREMISES ? OdsCode.premises(odsText) : OdsCode.of(odsText);
            } catch (InvalidValueException e) {
                problems.add(odsText.isEmpty() ? "the ODS code of the " + kind.token() + " left is missing" : e.getMessage());
            }
        } else if (kind == LeaverKind.LEAVES_NHS && !odsText.isEmpty()) {
            problems.add("a leaver of the NHS leaves everywhere: leave the ODS code empty");
        }
        LocalDate effective = null;
        if (!dateText.isEmpty()) {
            try {
                effective = dateText.contains("/") ? LocalDate.parse(dateText, UK_DATE) : LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                problems.add("'" + dateText + "' is not a date (use 2026-12-31 or 31/12/2026)");
            }
        }
        if (record.size() > 4 && record.subList(4, record.size()).stream().anyMatch(c -> !c.isBlank())) {
            problems.add("too many columns: expected " + HEADER);
        }
        return new Line(lineNo, address, kindText, odsText, effective, kind, account, left,
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static String cell(List<String> record, int index) {
        return index < record.size() && record.get(index) != null ? record.get(index).strip() : "";
    }
}
