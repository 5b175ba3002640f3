package uk.nhs.pharmacy.portal.review;

public enum CampaignState {
    /** Created with a start day still to come: its lines are made on that day. */
    SCHEDULED,
    /** Started: lines are being reviewed until the deadline. */
    OPEN,
    /** The deadline's rule has run. */
    CLOSED
}
