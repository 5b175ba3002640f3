package uk.nhs.pharmacy.portal.sending;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import uk.nhs.pharmacy.portal.platform.SpreadsheetCell;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * {@code /export/disclosures.csv}: the completeness report in the reader's scope, every row, 500 at
 * a time from the database. Cells are text, neutralised against spreadsheet formulas.
 */
@WebServlet("/export/disclosures.csv")
public class DisclosureExportServlet extends HttpServlet {

    private static final int PAGE = 500;

    @Inject
    Disclosures disclosures;

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourceBundle words = ResourceBundle.getBundle("i18n.messages", Locale.UK);
        List<Object[]> first = disclosures.incomplete(currentUser.actor(), 0, PAGE); // refuses owners before anything is written
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"disclosure-details-incomplete.csv\"");
        try (CSVPrinter csv = new CSVPrinter(response.getWriter(), CSVFormat.DEFAULT.builder().setHeader(
                words.getString("disclosure.contractor") + " (ODS)", words.getString("disclosure.contractor"),
                words.getString("disclosure.state"), words.getString("disclosure.premisesCount")).build())) {
            List<Object[]> page = first;
            for (int offset = 0; !page.isEmpty(); offset += PAGE, page = disclosures.incomplete(currentUser.actor(), offset, PAGE)) {
                for (Object[] r : page) {
                    csv.printRecord(SpreadsheetCell.neutralise(r[0].toString()), SpreadsheetCell.neutralise((String) r[1]),
                            r[2] == null ? words.getString("disclosure.none") : words.getString("enum.LegalForm." + r[2]), r[3]);
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
    }
}
