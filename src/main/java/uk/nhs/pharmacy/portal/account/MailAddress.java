package uk.nhs.pharmacy.portal.account;

import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** An NHSmail address ({@code @nhs.net}), stored in lower case. */
public final class MailAddress implements Serializable, Comparable<MailAddress> {

    public static final String DOMAIN = "nhs.net";
    private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?");

    private final String value;

    private MailAddress(String value) {
        this.value = value;
    }

    public static MailAddress of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("validation.mailAddress.required", "An NHSmail address is required");
        }
        String normalised = raw.strip().toLowerCase(Locale.ROOT);
        int at = normalised.lastIndexOf('@');
        if (at < 0 || !normalised.substring(at + 1).equals(DOMAIN)) {
            throw new InvalidValueException("validation.mailAddress.domain",
                    "'" + raw.strip() + "' is not an NHSmail address (it must end in @" + DOMAIN + ")");
        }
        String local = normalised.substring(0, at);
        if (!LOCAL_PART.matcher(local).matches() || local.contains("..")) {
            throw new InvalidValueException("validation.mailAddress.invalid",
                    "'" + raw.strip() + "' is not a valid NHSmail address");
        }
        return new MailAddress(normalised);
    }

    /** The premises mailbox by the NHSmail convention: {@code pharmacy.<odscode>@nhs.net}. */
    public static MailAddress forPremises(OdsCode premises) {
        if (!premises.isPharmacyPremises()) {
            throw RuleViolation.because("refusal.mailbox.isNotAPharmacy", premises);
        }
        return of("pharmacy." + premises.value() + "@" + DOMAIN);
    }

    /**
     * A personal address {@code firstname.lastname@nhs.net}; {@code clash} 0 or 1 gives the
     * plain form, 2 and up append the number ({@code jane.smith2@nhs.net}).
     */
    public static MailAddress forPerson(String firstName, String lastName, int clash) {
        String local = namePart(firstName) + "." + namePart(lastName) + (clash > 1 ? String.valueOf(clash) : "");
        return of(local + "@" + DOMAIN);
    }

    private static String namePart(String name) {
        if (name == null) {
            throw new InvalidValueException("validation.name.required", "A name is required");
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String part = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        if (part.isEmpty()) {
            throw new InvalidValueException("validation.name.invalid", "'" + name + "' has no letters to make an address from");
        }
        return part;
    }

    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailAddress other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public int compareTo(MailAddress o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
