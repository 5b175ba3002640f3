package uk.nhs.pharmacy.portal.compliance;

import uk.nhs.pharmacy.portal.platform.UkTime;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Quality Payments review point: a premises qualifies if its mailbox was active on the review
 * date, or, where the point has an application cut-off, if it had applied by that date. Both
 * dates count whole UK days: on the day counts, the day after does not.
 */
public record ReviewPoint(LocalDate reviewDate, LocalDate applicationCutoff) implements Serializable {

    /** The defaults: 28 Apr 2017 with applications by 1 Feb 2017 counting, and 24 Nov 2017. */
    public static final String DEFAULTS = "2017-04-28@2017-02-01,2017-11-24";

    /** The first instant that no longer counts for the review date. */
    public Instant activeBefore() {
        return UkTime.startOf(reviewDate.plusDays(1));
    }

    /** The first instant that no longer counts as an application; null if applications do not count. */
    public Instant appliedBefore() {
        return applicationCutoff == null ? null : UkTime.startOf(applicationCutoff.plusDays(1));
    }

    /** Parses {@code 2017-04-28@2017-02-01,2017-11-24}: review dates, each with an optional cut-off after {@code @}. */
    public static List<ReviewPoint> parse(String text) {
        List<ReviewPoint> points = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] dates = part.strip().split("@");
            try {
                points.add(new ReviewPoint(LocalDate.parse(dates[0].strip()),
                        dates.length > 1 ? LocalDate.parse(dates[1].strip()) : null));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("portal.gateway.reviewPoints: '" + part + "' is not date[@cut-off]", e);
            }
        }
        return points;
    }

    /** Which outcome a premises has at this point, from when its mailbox began and when it applied. */
    public GatewayOutcome outcome(Instant mailboxSince, Instant appliedAt) {
        if (mailboxSince != null && mailboxSince.isBefore(activeBefore())) {
            return GatewayOutcome.MAILBOX_ACTIVE;
        }
        Instant cutoff = appliedBefore();
        if (cutoff != null && appliedAt != null && appliedAt.isBefore(cutoff)) {
            return GatewayOutcome.APPLIED_IN_TIME;
        }
        return GatewayOutcome.NOT_QUALIFIED;
    }

    public String label() {
        return reviewDate + (applicationCutoff == null ? "" : " (applications by " + applicationCutoff + ")");
    }
}
