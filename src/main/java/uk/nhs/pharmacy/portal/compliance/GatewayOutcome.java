package uk.nhs.pharmacy.portal.compliance;

/** A premises' standing at a Quality Payments review point. */
public enum GatewayOutcome {
    /** Its shared mailbox was active by the review date. */
    MAILBOX_ACTIVE,
    /** It had applied by the point's application cut-off. */
    APPLIED_IN_TIME,
    NOT_QUALIFIED
}
