package uk.nhs.pharmacy.portal.security;

import jakarta.ejb.ApplicationException;

/** The user may not do this here. Rolls back the transaction it is thrown in. */
@ApplicationException(rollback = true)
public class AccessDeniedException extends SecurityException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
