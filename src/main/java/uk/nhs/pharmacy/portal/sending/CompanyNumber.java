package uk.nhs.pharmacy.portal.sending;

import uk.nhs.pharmacy.portal.platform.InvalidValueException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Companies House number: 8 characters, either 8 digits (England and Wales, with leading zeros) or
 * a 2-letter prefix then 6 digits (SC Scotland, NI Northern Ireland, OC an LLP, and the like).
 */
public record CompanyNumber(String value) implements java.io.Serializable {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{8}|[A-Z]{2}[0-9]{6}");

    public CompanyNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("validation.companyNumber", "'" + value + "' is not a company number");
        }
    }

    /** Typed by a person: spaces dropped, letters in capitals. */
    public static CompanyNumber of(String raw) {
        return new CompanyNumber(raw == null ? null : raw.replace(" ", "").toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
