package uk.nhs.pharmacy.portal.onboarding;

import java.util.Locale;

/** The six facts of the national registration process (the premises address and its postcode are two columns). */
public enum RegistrationField {
    TRADING_NAME("Trading name"),
    OWNER_NAME("Owner's name"),
    ADDRESS("Premises address"),
    POSTCODE("Postcode"),
    ODS_CODE("Pharmacy ODS code"),
    TELEPHONE("Pharmacy telephone"),
    CURRENT_EMAIL("Current pharmacy email");

    private final String heading;

    RegistrationField(String heading) {
        this.heading = heading;
    }

    /** The column heading in the spreadsheet template. */
    public String heading() {
        return heading;
    }

    /** The i18n key of the field's label, e.g. {@code registration.field.tradingName}. */
    public String labelKey() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return "registration.field." + key;
    }

    /** The field a heading names: ours exactly, or loosely (case, punctuation and spacing ignored). */
    public static RegistrationField forHeading(String heading) {
        String loose = loose(heading);
        for (RegistrationField field : values()) {
            if (loose(field.heading).equals(loose) || loose(field.name()).equals(loose)) {
                return field;
            }
        }
        return switch (loose) {
            case "odscode", "fcode", "ods" -> ODS_CODE;
            case "address", "premisesaddressexcludingpostcode" -> ADDRESS;
            case "telephone", "phone", "telephonenumber" -> TELEPHONE;
            case "email", "currentemail", "emailaddress" -> CURRENT_EMAIL;
            case "ownername", "owner", "ownersname" -> OWNER_NAME;
            case "tradingname", "name", "pharmacyname" -> TRADING_NAME;
            default -> null;
        };
    }

    private static String loose(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
