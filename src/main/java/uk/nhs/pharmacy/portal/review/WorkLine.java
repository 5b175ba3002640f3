package uk.nhs.pharmacy.portal.review;

import uk.nhs.pharmacy.portal.account.AccountStatus;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.mailbox.Permission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * One line of a reviewer's worklist: the access as it is now, what a reviewer needs to decide
 * (home organisation still this contractor, last sign-in where the platform can tell), the
 * recommendation, the decision if taken, and whether this reader may decide it.
 */
public record WorkLine(long campaignId, long delegationId, String person, String address, JobRole jobRole,
                       AccountStatus status, boolean homeHere, Set<Permission> permissions, boolean owner,
                       String grantedBy, Instant grantedAt, LocalDate lastDay, boolean live, Instant lastSignIn,
                       Recommendation recommendation, ReviewerKind reviewer, Decision decision, String decisionReason,
                       String decidedBy, String decidedFor, Instant decidedAt, boolean mayDecide) implements java.io.Serializable {

    public boolean pending() {
        return decision == null;
    }
}
