package uk.nhs.pharmacy.portal.audit;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.SpreadsheetCell;
import uk.nhs.pharmacy.portal.security.CurrentUser;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** The audit search as CSV (/export/audit.csv?person=&ods=&actor=&from=&to=), in the user's scope. */
@WebServlet("/export/audit.csv")
public class AuditExportServlet extends HttpServlet {

    private static final int PAGE = 2000;
    private static final int MAX_ROWS = 200_000;

    @Inject
    AuditLog audit;

    @Inject
    OrganisationRepository organisations;

    @Inject
    CurrentUser currentUser;

    @Inject
    Authorizer authorizer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!authorizer.may(currentUser.actor(), Action.SEARCH_AUDIT)) {
            response.sendError(404);
            return;
        }
        AuditQuery query;
        try {
            String ods = request.getParameter("ods");
            Long organisationId = ods == null || ods.isBlank() ? null
                    : organisations.findByOdsCode(OdsCode.of(ods)).map(Organisation::getId).orElse(-1L);
            query = new AuditQuery(request.getParameter("person"), organisationId, request.getParameter("actor"),
                    date(request.getParameter("from")), date(request.getParameter("to")));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            response.sendError(400, "Bad search: " + e.getMessage());
            return;
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + LocalDate.now() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = response.getWriter();
        out.write("When (UTC),Who,Action,Target,Before,After,Reason,Deputy for\r\n");
        for (int first = 0; first < MAX_ROWS; first += PAGE) {
            List<AuditEvent> page = audit.search(currentUser.actor(), query, first, PAGE);
            for (AuditEvent e : page) {
                out.write(String.join(",", Stream.of(e.getOccurredAt().toString(), e.getActor(), e.getAction(),
                        e.getTargetLabel(), e.getBefore(), e.getAfter(), e.getReason(), e.getActingFor()).map(SpreadsheetCell::csv).toList()));
                out.write("\r\n");
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        out.flush();
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value);
    }
}
