package uk.nhs.pharmacy.portal.compliance;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.platform.web.PageModel;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The compliance reports page: choose a report, a review point and a standing; page through; export. */
@Named
@ViewScoped
public class ReportsView implements Serializable {

    @Inject
    ComplianceReports reports;

    @Inject
    CurrentUser currentUser;

    private ReportKind kind = ReportKind.GATEWAY;
    private int reviewPoint;
    private String outcome = "";
    private boolean numsasOnly;
    private PageModel<List<String>> rows;
    private Map<String, Long> summary;

    ReportQuery query() {
        return new ReportQuery(kind, reviewPoint, outcome == null || outcome.isEmpty() ? null : outcome, numsasOnly);
    }

    public void run() {
        rows = null;
        summary = null;
    }

    public PageModel<List<String>> getRows() {
        if (rows == null) {
            ReportQuery query = query();
            rows = new PageModel<>(new PageModel.Source<>() {
                @Override
                public long count() {
                    return reports.count(currentUser.actor(), query);
                }

                @Override
                public List<List<String>> page(int first, int size, String sortField, boolean ascending) {
                    return reports.page(currentUser.actor(), query, first, size);
                }
            }, cells -> cells.get(0));
        }
        return rows;
    }

    public Map<String, Long> getSummary() {
        if (summary == null) {
            summary = reports.summary(currentUser.actor(), query());
        }
        return summary;
    }

    public List<Map.Entry<String, Long>> getSummaryEntries() {
        return List.copyOf(getSummary().entrySet());
    }

    /** The export link's query string for the current choice. */
    public String getExportQuery() {
        ReportQuery q = query();
        return "point=" + q.reviewPoint() + (q.outcome() == null ? "" : "&outcome=" + q.outcome()) + (q.numsasOnly() ? "&numsas=true" : "");
    }

    public List<ReviewPoint> getReviewPoints() { return reports.reviewPoints(); }
    public ReportKind[] getKinds() { return ReportKind.values(); }
    public ReportKind getKind() { return kind; }
    public void setKind(ReportKind kind) { this.kind = kind == null ? ReportKind.GATEWAY : kind; }
    public int getReviewPoint() { return reviewPoint; }
    public void setReviewPoint(int reviewPoint) { this.reviewPoint = reviewPoint; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public boolean isNumsasOnly() { return numsasOnly; }
    public void setNumsasOnly(boolean numsasOnly) { this.numsasOnly = numsasOnly; }
}
