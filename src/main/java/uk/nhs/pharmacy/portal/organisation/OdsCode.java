package uk.nhs.pharmacy.portal.organisation;

import uk.nhs.pharmacy.portal.platform.InvalidValueException;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An Organisation Data Service code, stored in upper case. Pharmacy premises have "F codes":
 * {@code F} followed by four letters or digits, e.g. {@code FM664}. Other organisations (areas,
 * contractors) have codes of other shapes, which this type also holds.
 */
public final class OdsCode implements Serializable, Comparable<OdsCode> {

    private static final Pattern ANY = Pattern.compile("[A-Z0-9]{3,10}");
    private static final Pattern PREMISES = Pattern.compile("F[A-Z0-9]{4}");

    private final String value;

    private OdsCode(String value) {
        this.value = value;
    }

    /** Any organisation's code: 3 to 10 letters or digits. */
    public static OdsCode of(String raw) {
        String normalised = normalise(raw);
        if (!ANY.matcher(normalised).matches()) {
            throw new InvalidValueException("validation.odsCode.invalid",
                    "'" + raw + "' is not an ODS code (3 to 10 letters or digits)");
        }
        return new OdsCode(normalised);
    }

    /** A pharmacy premises code: F plus four letters or digits. */
    public static OdsCode premises(String raw) {
        String normalised = normalise(raw);
        if (!PREMISES.matcher(normalised).matches()) {
            throw new InvalidValueException("validation.odsCode.premises",
                    "'" + raw + "' is not a pharmacy ODS code (F followed by 4 letters or digits, e.g. FM664)");
        }
        return new OdsCode(normalised);
    }

    private static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("validation.odsCode.required", "An ODS code is required");
        }
        return raw.strip().toUpperCase(Locale.ROOT);
    }

    public boolean isPharmacyPremises() {
        return PREMISES.matcher(value).matches();
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OdsCode other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public int compareTo(OdsCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
