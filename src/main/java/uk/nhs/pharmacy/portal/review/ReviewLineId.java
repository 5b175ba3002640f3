package uk.nhs.pharmacy.portal.review;

import java.io.Serializable;
import java.util.Objects;

/** A line is one access in one campaign. */
public class ReviewLineId implements Serializable {

    private Long campaignId;
    private Long delegationId;

    public ReviewLineId() {
    }

    public ReviewLineId(Long campaignId, Long delegationId) {
        this.campaignId = campaignId;
        this.delegationId = delegationId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReviewLineId other && Objects.equals(campaignId, other.campaignId)
                && Objects.equals(delegationId, other.delegationId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(campaignId, delegationId);
    }
}
