package uk.nhs.pharmacy.portal.request;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import uk.nhs.pharmacy.portal.mailbox.MailboxQueries;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;
import uk.nhs.pharmacy.portal.platform.SpreadsheetCell;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code /export/evidence.csv?ods=FM664&from=2026-04-01&to=2027-03-31}: the access-change evidence
 * of one premises the reader may see; the period defaults to the last 12 months.
 */
@WebServlet("/export/evidence.csv")
public class EvidenceServlet extends HttpServlet {

    @Inject
    EvidenceExport export;

    @Inject
    MailboxQueries queries;

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Organisation premises;
        LocalDate from;
        LocalDate to;
        try {
            premises = queries.visiblePremises(currentUser.actor(), OdsCode.premises(request.getParameter("ods"))).orElse(null);
            LocalDate today = LocalDate.now(UkTime.ZONE);
            to = request.getParameter("to") == null || request.getParameter("to").isBlank() ? today
                    : LocalDate.parse(request.getParameter("to"));
            from = request.getParameter("from") == null || request.getParameter("from").isBlank() ? to.minusYears(1)
                    : LocalDate.parse(request.getParameter("from"));
        } catch (InvalidValueException | DateTimeParseException e) {
            response.sendError(400, "Give ods=<F code>, and optionally from and to as yyyy-mm-dd");
            return;
        }
        if (premises == null) {
            response.sendError(404);
            return;
        }
        Instant start = UkTime.startOf(from);
        Instant end = UkTime.startOf(to.plusDays(1));
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"access-evidence-" + premises.getOdsCode()
                + "-" + from + "-to-" + to + ".csv\"");
        PrintWriter out = response.getWriter();
        out.print(EvidenceExport.HEADER + "\r\n");
        for (EvidenceExport.Line l : export.lines(premises.getId(), start, end)) {
            out.print(String.join(",", String.valueOf(l.when()), SpreadsheetCell.csv(l.change()),
                    SpreadsheetCell.csv(l.person()), SpreadsheetCell.csv(l.requestedBy()), String.valueOf(l.requestedAt()),
                    SpreadsheetCell.csv(l.decidedBy()), l.decidedAt() == null ? "" : l.decidedAt().toString(),
                    SpreadsheetCell.csv(l.outcome()), SpreadsheetCell.csv(l.reason())) + "\r\n");
        }
    }
}
