package uk.nhs.pharmacy.portal.platform;

/**
 * A value from outside (a form field, a CSV cell, an API body) that is not what it claims to be.
 * The key names the words in the i18n bundle, which screens and the API show; the message is for logs
 * and tests. Thrown from a service, it rolls the transaction back and reaches the caller unwrapped.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class InvalidValueException extends IllegalArgumentException {

    private final String messageKey;

    public InvalidValueException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
