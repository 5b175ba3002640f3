package uk.nhs.pharmacy.portal.leaver;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import uk.nhs.pharmacy.portal.platform.SpreadsheetCell;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The result report of a bulk leaver job as CSV: every line, its outcome and its case. */
@WebServlet("/export/leavers/*")
public class BulkLeaverReportServlet extends HttpServlet {

    @Inject
    BulkLeaverService service;

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        long id;
        try {
            id = Long.parseLong(path.replaceFirst("^/", "").replaceFirst("\\.csv$", ""));
        } catch (NumberFormatException e) {
            response.sendError(404);
            return;
        }
        BulkLeaverJob job = service.job(currentUser.actor(), id).orElse(null);
        if (job == null) {
            response.sendError(404);
            return;
        }
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"leavers-" + id + "-report.csv\"");
        PrintWriter out = response.getWriter();
        out.print("line,account,kind,ods_code,effective_date,outcome,case,message\r\n");
        int first = 0;
        List<BulkLeaverRow> page;
        do {
            page = service.rows(id, first, 1000);
            for (BulkLeaverRow r : page) {
                out.print(String.join(",", String.valueOf(r.getLineNo()), SpreadsheetCell.csv(r.getAccountAddress()),
                        SpreadsheetCell.csv(r.getKind()), SpreadsheetCell.csv(r.getScopeOds()),
                        r.getEffectiveDate() == null ? "" : r.getEffectiveDate().toString(), r.getState().name(),
                        r.getCaseId() == null ? "" : r.getCaseId().toString(), SpreadsheetCell.csv(r.getMessage())));
                out.print("\r\n");
            }
            first += page.size();
        } while (page.size() == 1000);
    }
}
