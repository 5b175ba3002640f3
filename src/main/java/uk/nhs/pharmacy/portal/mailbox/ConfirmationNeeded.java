package uk.nhs.pharmacy.portal.mailbox;

import jakarta.ejb.ApplicationException;
import uk.nhs.pharmacy.portal.platform.RuleViolation;

/**
 * The change is allowed only after an explicit confirmation (it would leave a mailbox below
 * NHSmail's minimum of live accounts, or with no owner). Nothing was changed.
 */
@ApplicationException(rollback = true)
public class ConfirmationNeeded extends RuleViolation {
    public ConfirmationNeeded(String message) {
        super(message);
    }
}
