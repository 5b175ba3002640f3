package uk.nhs.pharmacy.portal.platform;

import jakarta.ejb.ApplicationException;

/**
 * A request the domain refuses (a duplicate grant, a leaver given access, an expiry in the past).
 * The message says why, in words the user can act on; the transaction is rolled back.
 */
@ApplicationException(rollback = true)
public class RuleViolation extends RuntimeException {
    public RuleViolation(String message) {
        super(message);
    }
}
