package uk.nhs.pharmacy.portal.onboarding;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code /export/registration-template.csv} and {@code .xlsx}: the multi-premises template, empty. */
@WebServlet({"/export/registration-template.csv", "/export/registration-template.xlsx"})
public class TemplateServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().endsWith(".xlsx")) {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader("Content-Disposition", "attachment; filename=\"premises-registration.xlsx\"");
            RegistrationTemplate.xlsx(response.getOutputStream());
        } else {
            response.setContentType("text/csv; charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"premises-registration.csv\"");
            response.getOutputStream().write(RegistrationTemplate.csv());
        }
    }
}
