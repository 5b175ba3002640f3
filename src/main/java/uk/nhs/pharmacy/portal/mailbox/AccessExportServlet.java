package uk.nhs.pharmacy.portal.mailbox;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.time.LocalDate;

/** Downloads of "who has access to what" in the signed-in user's scope: /export/access.csv and .xlsx. */
@WebServlet(urlPatterns = {"/export/access.csv", "/export/access.xlsx"})
public class AccessExportServlet extends HttpServlet {

    @Inject
    AccessExport export;

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean xlsx = request.getServletPath().endsWith(".xlsx");
        String name = "who-has-access-" + LocalDate.now() + (xlsx ? ".xlsx" : ".csv");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setHeader("Cache-Control", "no-store");
        if (xlsx) {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            export.xlsx(currentUser.actor(), response.getOutputStream());
        } else {
            response.setContentType("text/csv; charset=UTF-8");
            export.csv(currentUser.actor(), response.getOutputStream());
        }
    }
}
