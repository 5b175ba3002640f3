package uk.nhs.pharmacy.portal.compliance;

import java.util.List;

/** The compliance reports, each with its columns (i18n keys, in order) and the standings it can filter on. */
public enum ReportKind {
    GATEWAY(List.of("report.col.odsCode", "report.col.premises", "report.col.area", "report.col.mailboxSince",
            "report.col.appliedAt", "report.col.outcome"),
            List.of("MAILBOX_ACTIVE", "APPLIED_IN_TIME", "NOT_QUALIFIED")),
    NUMSAS(List.of("report.col.odsCode", "report.col.premises", "report.col.area", "report.col.numsas",
            "report.col.mailbox", "report.col.outcome"),
            List.of("READY", "NOT_READY")),
    MINIMUM(List.of("report.col.odsCode", "report.col.premises", "report.col.area", "report.col.mailbox",
            "report.col.liveAccounts", "report.col.owners", "report.col.outcome"),
            List.of("FEWER_THAN_2_AND_NO_OWNER", "FEWER_THAN_2", "NO_OWNER"));

    private final List<String> columns;
    private final List<String> outcomes;

    ReportKind(List<String> columns, List<String> outcomes) {
        this.columns = columns;
        this.outcomes = outcomes;
    }

    public List<String> columns() {
        return columns;
    }

    public List<String> outcomes() {
        return outcomes;
    }

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
