package uk.nhs.pharmacy.portal.review;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.Failure;
import uk.nhs.pharmacy.portal.platform.SpreadsheetCell;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * {@code /export/review-evidence?campaign=ID[&premises=ODS]&format=csv|xlsx|pdf}: who reviewed what,
 * when, the decision and its reason, for a premises or the whole campaign in the reader's scope (CSV
 * and XLSX, 500 rows at a time from the database), and for a premises the one-page PDF.
 */
@WebServlet("/export/review-evidence")
public class ReviewEvidenceServlet extends HttpServlet {

    private static final int PAGE = 500;
    private static final List<String> HEADER = List.of("review.premisesCode", "review.premises", "review.person", "review.address",
            "review.access", "review.reviewer", "review.decision", "review.reason", "review.decidedBy", "review.decidedFor", "review.decidedAt");

    @Inject
    ReviewQueries queries;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long campaignId;
        try {
            campaignId = Long.parseLong(String.valueOf(request.getParameter("campaign")));
        } catch (NumberFormatException e) {
            response.sendError(400, "campaign must be the number of a review campaign");
            return;
        }
        String format = request.getParameter("format") == null ? "csv" : request.getParameter("format");
        String premisesParam = request.getParameter("premises");
        Actor actor = currentUser.actor();
        OdsCode premises;
        ReviewCampaign campaign;
        List<ReviewQueries.EvidenceRow> first;
        try {
            premises = premisesParam == null || premisesParam.isBlank() ? null : OdsCode.of(premisesParam);
            if (!List.of("csv", "xlsx", "pdf").contains(format) || ("pdf".equals(format) && premises == null)) {
                response.sendError(400, "format must be csv, xlsx, or pdf with premises");
                return;
            }
            campaign = queries.campaign(actor, campaignId);
            first = queries.evidence(actor, campaignId, premises, 0, PAGE); // scope before anything is written
        } catch (RuntimeException e) {
            switch (Failure.of(e).kind()) {
                case NOT_FOUND, FORBIDDEN -> response.sendError(404);
                case INVALID -> response.sendError(400, "premises must be the ODS code of a premises");
                default -> throw e;
            }
            return;
        }
        ResourceBundle words = ResourceBundle.getBundle("i18n.messages", Locale.UK);
        String name = "access-review-" + campaignId + (premises == null ? "" : "-" + premises.value());
        switch (format) {
            case "pdf" -> {
                response.setContentType("application/pdf");
                response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
                String title = first.isEmpty() ? premises.value() : first.get(0).premisesName() + " (" + premises.value() + ")";
                EvidencePdf.write(response.getOutputStream(), words, campaign, title, first, actor.username(), clock.instant());
            }
            case "xlsx" -> {
                response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
                try (SXSSFWorkbook workbook = new SXSSFWorkbook(PAGE)) {
                    Sheet sheet = workbook.createSheet("Evidence");
                    int[] next = {0};
                    SpreadsheetCell.fill(sheet.createRow(next[0]++), HEADER.stream().map(words::getString).toList());
                    eachRow(actor, campaignId, premises, first, r -> SpreadsheetCell.fill(sheet.createRow(next[0]++), cells(r, words)));
                    workbook.write(response.getOutputStream());
                    workbook.dispose();
                }
            }
            default -> {
                response.setContentType("text/csv; charset=UTF-8");
                response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
                try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                        CSVFormat.DEFAULT.builder().setHeader(HEADER.stream().map(words::getString).toArray(String[]::new)).build())) {
                    eachRow(actor, campaignId, premises, first, r -> {
                        try {
                            csv.printRecord(cells(r, words).stream().map(SpreadsheetCell::neutralise).toList());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                }
            }
        }
    }

    private void eachRow(Actor actor, long campaignId, OdsCode premises, List<ReviewQueries.EvidenceRow> first,
                         Consumer<ReviewQueries.EvidenceRow> each) {
        List<ReviewQueries.EvidenceRow> page = first;
        for (int offset = 0; !page.isEmpty(); offset += PAGE, page = queries.evidence(actor, campaignId, premises, offset, PAGE)) {
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private static List<String> cells(ReviewQueries.EvidenceRow r, ResourceBundle words) {
        List<String> cells = new ArrayList<>(List.of(r.premisesCode(), r.premisesName(), r.person(), r.address(), r.access(),
                words.getString("enum.ReviewerKind." + r.reviewer().name())));
        cells.add(r.decision() == null ? words.getString("review.pending") : words.getString("enum.Decision." + r.decision().name()));
        cells.add(r.reason() == null ? "" : r.reason());
        cells.add(r.decidedBy() == null ? "" : r.decidedBy());
        cells.add(r.decidedFor() == null ? "" : r.decidedFor());
        cells.add(r.decidedAt() == null ? "" : UkTime.words(UkTime.dateOf(r.decidedAt())));
        return cells;
    }
}
