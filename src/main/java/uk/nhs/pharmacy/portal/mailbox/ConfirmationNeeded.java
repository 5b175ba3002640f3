package uk.nhs.pharmacy.portal.mailbox;

import jakarta.ejb.ApplicationException;
import uk.nhs.pharmacy.portal.platform.RuleViolation;

/**
 * The change is allowed only after an explicit confirmation (it would leave a mailbox below
 * NHSmail's minimum of live accounts, or with no owner). Nothing was changed.
 */
@ApplicationException(rollback = true)
public class ConfirmationNeeded extends RuleViolation {
    private ConfirmationNeeded(String key, Object... particulars) {
        super(key, particulars);
    }

    /** The change that needs a confirmation, in the bundle's words ({@code confirm.*}). */
    public static ConfirmationNeeded because(String key, Object... particulars) {
        return new ConfirmationNeeded(key, particulars);
    }
}
