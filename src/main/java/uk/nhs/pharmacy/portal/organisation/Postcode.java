package uk.nhs.pharmacy.portal.organisation;

import uk.nhs.pharmacy.portal.platform.InvalidValueException;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A UK postcode in its standard form: upper case, one space before the three-character inward
 * code ({@code bl31sx} and {@code BL3  1SX} both become {@code BL3 1SX}).
 */
public final class Postcode implements Serializable {

    // Outward code shapes A9, A99, AA9, AA99, A9A, AA9A, with the letters each position allows.
    private static final Pattern COMPACT = Pattern.compile(
            "(GIR0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPS-UW]|[A-HK-Y][0-9][ABEHMNPRV-Y])[0-9][ABD-HJLNP-UW-Z]{2})");

    private final String value;

    private Postcode(String value) {
        this.value = value;
    }

    public static Postcode of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("validation.postcode.required", "A postcode is required");
        }
        String compact = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (!COMPACT.matcher(compact).matches()) {
            throw new InvalidValueException("validation.postcode.invalid",
                    "'" + raw.strip() + "' is not a UK postcode (e.g. BL3 1SX)");
        }
        int split = compact.length() - 3;
        return new Postcode(compact.substring(0, split) + " " + compact.substring(split));
    }

    /** The outward code, e.g. {@code BL3}: the postal district. */
    public String outward() {
        return value.substring(0, value.indexOf(' '));
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Postcode other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
