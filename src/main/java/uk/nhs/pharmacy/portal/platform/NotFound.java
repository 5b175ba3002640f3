package uk.nhs.pharmacy.portal.platform;

import jakarta.ejb.ApplicationException;

/**
 * What was asked for does not exist, or the caller may not know that it does: a target outside
 * the caller's scope is answered exactly like a missing one (the same status, the same words),
 * so that ids cannot be probed. The message never says which, nor what the target was.
 */
@ApplicationException(rollback = true)
public class NotFound extends RuntimeException {

    public static final String MESSAGE = "Not found.";

    public NotFound() {
        super(MESSAGE, null, false, false);
    }
}
