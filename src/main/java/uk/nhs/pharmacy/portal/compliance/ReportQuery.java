package uk.nhs.pharmacy.portal.compliance;

import java.io.Serializable;

/**
 * What to report: the kind, the review point (gateway only), a standing to keep (null: all), and
 * whether to keep only NUMSAS providers.
 */
public record ReportQuery(ReportKind kind, int reviewPoint, String outcome, boolean numsasOnly) implements Serializable {

    public ReportQuery {
        if (kind == null) {
            throw new IllegalArgumentException("Which report?");
        }
        if (outcome != null && (outcome.isBlank() || !kind.outcomes().contains(outcome))) {
            outcome = null;
        }
    }
}
