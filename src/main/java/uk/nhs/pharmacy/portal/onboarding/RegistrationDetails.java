package uk.nhs.pharmacy.portal.onboarding;

import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Postcode;
import uk.nhs.pharmacy.portal.organisation.TelephoneNumber;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One premises' registration, checked and normalised: names and address trimmed with inner runs of
 * spaces made single, the ODS code upper case, the postcode and telephone in their standard forms,
 * the email lower case. Text is kept exactly as text: a cell starting with {@code =} or holding
 * markup is a name like any other, and is escaped wherever it is shown or exported.
 */
public record RegistrationDetails(String tradingName, String ownerName, String address, Postcode postcode,
                                  OdsCode odsCode, TelephoneNumber telephone, String currentEmail) implements Serializable {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** The outcome of checking raw values: the details, or a message per field that is wrong. */
    public record Checked(RegistrationDetails details, Map<RegistrationField, String> problems) implements Serializable {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** Every problem in field order, e.g. "Postcode: 'XX' is not a UK postcode". */
        public String summary() {
            StringBuilder text = new StringBuilder();
            problems.forEach((field, message) -> text.append(text.length() == 0 ? "" : "; ")
                    .append(field.heading()).append(": ").append(message));
            return text.toString();
        }
    }

    public static Checked check(Map<RegistrationField, String> raw) {
        Map<RegistrationField, String> problems = new EnumMap<>(RegistrationField.class);
        String tradingName = text(raw, RegistrationField.TRADING_NAME, 200, problems);
        String ownerName = text(raw, RegistrationField.OWNER_NAME, 200, problems);
        String address = text(raw, RegistrationField.ADDRESS, 300, problems);
        Postcode postcode = value(raw, RegistrationField.POSTCODE, problems, Postcode::of);
        OdsCode ods = value(raw, RegistrationField.ODS_CODE, problems, OdsCode::premises);
        TelephoneNumber telephone = value(raw, RegistrationField.TELEPHONE, problems, TelephoneNumber::of);
        String email = value(raw, RegistrationField.CURRENT_EMAIL, problems, RegistrationDetails::email);
        if (!problems.isEmpty()) {
            return new Checked(null, Collections.unmodifiableMap(problems));
        }
        return new Checked(new RegistrationDetails(tradingName, ownerName, address, postcode, ods, telephone, email), Map.of());
    }

    private static String text(Map<RegistrationField, String> raw, RegistrationField field, int max,
                               Map<RegistrationField, String> problems) {
        String value = raw.get(field) == null ? "" : raw.get(field).strip().replaceAll("\\s+", " ");
        if (value.isEmpty()) {
            problems.put(field, "is required");
        } else if (CONTROL.matcher(value).find()) {
            problems.put(field, "contains control characters");
        } else if (value.length() > max) {
            problems.put(field, "is longer than " + max + " characters");
        }
        return value;
    }

    private static <T> T value(Map<RegistrationField, String> raw, RegistrationField field,
                               Map<RegistrationField, String> problems, java.util.function.Function<String, T> parse) {
        String value = raw.get(field);
        if (value == null || value.isBlank()) {
            problems.put(field, "is required");
            return null;
        }
        try {
            return parse.apply(value);
        } catch (InvalidValueException e) {
            problems.put(field, e.getMessage());
            return null;
        }
    }

    static String email(String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            throw new InvalidValueException("validation.email.invalid", "'" + raw.strip() + "' is not an email address");
        }
        return value;
    }

    /** The values as text, field by field (to show a checked row or to fill a form again). */
    public Map<RegistrationField, String> asText() {
        Map<RegistrationField, String> text = new EnumMap<>(RegistrationField.class);
        text.put(RegistrationField.TRADING_NAME, tradingName);
        text.put(RegistrationField.OWNER_NAME, ownerName);
        text.put(RegistrationField.ADDRESS, address);
        text.put(RegistrationField.POSTCODE, postcode.value());
        text.put(RegistrationField.ODS_CODE, odsCode.value());
        text.put(RegistrationField.TELEPHONE, telephone.value());
        text.put(RegistrationField.CURRENT_EMAIL, currentEmail);
        return text;
    }
}
