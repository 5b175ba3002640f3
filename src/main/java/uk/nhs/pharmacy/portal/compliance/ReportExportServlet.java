package uk.nhs.pharmacy.portal.compliance;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import uk.nhs.pharmacy.portal.platform.SpreadsheetCell;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * {@code /export/reports/gateway.csv?point=0&outcome=NOT_QUALIFIED} and the same as {@code .xlsx}:
 * a compliance report in the reader's scope, streamed page by page. Cells are text, neutralised.
 */
@WebServlet("/export/reports/*")
public class ReportExportServlet extends HttpServlet {

    @Inject
    ComplianceReports reports;

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        int dot = path.lastIndexOf('.');
        ReportKind kind;
        try {
            kind = ReportKind.valueOf(path.substring(0, Math.max(dot, 0)).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            response.sendError(404);
            return;
        }
        String format = path.substring(dot + 1);
        int point = parse(request.getParameter("point"));
        ReportQuery query = new ReportQuery(kind, point, request.getParameter("outcome"),
                "true".equals(request.getParameter("numsas")));
        Actor actor = currentUser.actor();
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", Locale.UK);
        List<String> header = new java.util.ArrayList<>(kind.columns().stream().map(bundle::getString).toList());
        header.add(bundle.getString("report.col.outcomeCode"));
        String name = kind.slug() + "-report";
        if ("xlsx".equals(format)) {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
                Sheet sheet = workbook.createSheet(kind.slug());
                int[] next = {0};
                SpreadsheetCell.fill(sheet.createRow(next[0]++), header);
                reports.forEachRow(actor, query, cells -> SpreadsheetCell.fill(sheet.createRow(next[0]++), inWords(cells, bundle)));
                workbook.write(response.getOutputStream());
                workbook.dispose();
            }
        } else if ("csv".equals(format)) {
            response.setContentType("text/csv; charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
            Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            out.write('\ufeff');
            out.write(line(header));
            reports.forEachRow(actor, query, cells -> {
                try {
                    out.write(line(inWords(cells, bundle)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } else {
            response.sendError(404);
        }
    }

    /** The standing in words for the person who opens the file, and its code in a last column for a machine. */
    private static List<String> inWords(List<String> cells, ResourceBundle bundle) {
        List<String> said = new java.util.ArrayList<>(cells);
        String code = said.get(said.size() - 1);
        said.set(said.size() - 1, bundle.containsKey("report.outcome." + code) ? bundle.getString("report.outcome." + code) : code);
        said.add(code);
        return said;
    }

    private static int parse(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String line(List<String> cells) {
        return String.join(",", cells.stream().map(SpreadsheetCell::csv).toList()) + "\r\n";
    }
}
