package uk.nhs.pharmacy.portal.platform;

/**
 * A value from outside (a form field, a CSV cell, an API body) that is not what it claims to be.
 * The message is for the person who typed it; the key names the message in the i18n bundle.
 */
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
