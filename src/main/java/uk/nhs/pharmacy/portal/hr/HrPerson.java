package uk.nhs.pharmacy.portal.hr;

import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.organisation.OdsCode;

import java.util.Objects;

/**
 * A person as an HR system states them: the whole desired state, whichever way it arrived (a SCIM
 * POST, a PUT, or a PATCH applied to the current state). {@link HrFeed} turns the difference from
 * the account into portal actions.
 */
public record HrPerson(MailAddress address, String externalId, String givenName, String familyName, JobRole jobRole,
                       boolean mobileDevice, OdsCode organisation, boolean active) {

    public HrPerson {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(jobRole, "jobRole");
    }
}
