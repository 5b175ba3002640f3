package uk.nhs.pharmacy.portal.organisation;

import uk.nhs.pharmacy.portal.platform.InvalidValueException;

import java.io.Serializable;

/**
 * A UK telephone number in its standard written form: {@code 020 7946 0000}, {@code 0161 496 0000},
 * {@code 01204 496000}, {@code 07700 900000}. Accepts spaces, dashes, dots, brackets and a +44 or
 * 0044 prefix; a number that lost its leading 0 in a spreadsheet's number cell gets it back.
 */
public final class TelephoneNumber implements Serializable {

    private final String value;

    private TelephoneNumber(String value) {
        this.value = value;
    }

    public static TelephoneNumber of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("validation.telephone.required", "A telephone number is required");
        }
        String digits = raw.strip().replaceAll("[\\s().\\-]", "");
        if (digits.startsWith("+44")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("0044")) {
            digits = "0" + digits.substring(4);
        }
        if (digits.startsWith("00")) {
            digits = digits.substring(1); // "+44 (0)161..." leaves a doubled 0
        }
        if (digits.matches("[1-9][0-9]{8,9}")) {
            digits = "0" + digits;
        }
        if (!digits.matches("0[1-9][0-9]{8,9}")) {
            throw new InvalidValueException("validation.telephone.invalid",
                    "'" + raw.strip() + "' is not a UK telephone number (e.g. 0161 496 0000)");
        }
        return new TelephoneNumber(format(digits));
    }

    private static String format(String d) {
        if (d.length() == 10) {
            return d.substring(0, 5) + " " + d.substring(5);
        }
        if (d.startsWith("02")) {
            return d.substring(0, 3) + " " + d.substring(3, 7) + " " + d.substring(7);
        }
        if (d.startsWith("011") || d.charAt(3) == '1' && d.startsWith("01") || d.startsWith("03") || d.startsWith("08")
                || d.startsWith("09")) {
            return d.substring(0, 4) + " " + d.substring(4, 7) + " " + d.substring(7);
        }
        return d.substring(0, 5) + " " + d.substring(5);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TelephoneNumber other && other.value.equals(value);
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
