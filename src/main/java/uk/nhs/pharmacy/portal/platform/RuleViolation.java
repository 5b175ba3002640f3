package uk.nhs.pharmacy.portal.platform;

import jakarta.ejb.ApplicationException;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A request the domain refuses (a duplicate grant, a leaver given access, an expiry in the past).
 * The words are in the i18n bundle ({@code refusal.*}), named by a key with its particulars, so
 * screens and the API say the same thing and a translation changes both; the transaction is rolled back.
 * A state or a role among the particulars is said in words ({@code enum.Type.NAME}), not as its code.
 */
@ApplicationException(rollback = true)
public class RuleViolation extends RuntimeException {

    private static final Locale WORDS = Locale.UK;

    private final String key;
    private final List<Object> particulars;

    /** A refusal already in words, passed on from a value or an entity that checked its input. */
    public RuleViolation(String message) {
        super(message);
        this.key = null;
        this.particulars = List.of();
    }

    protected RuleViolation(String key, Object... particulars) {
        this(key, Arrays.stream(particulars).map(p -> p instanceof Enum<?> ? p : (Object) String.valueOf(p)).toList());
    }

    private RuleViolation(String key, List<Object> particulars) {
        super(words(key, particulars, ResourceBundle.getBundle("i18n.messages", WORDS)));
        this.key = key;
        this.particulars = particulars;
    }

    /** The refusal with this bundle key; each particular is shown as its text (an id is not grouped as 1,234). */
    public static RuleViolation because(String key, Object... particulars) {
        return new RuleViolation(key, particulars);
    }

    /** The bundle key, or null for a refusal passed on in words. */
    public String key() {
        return key;
    }

    /** The words of a refusal from a bundle (a screen's own, for its locale). */
    public String in(ResourceBundle bundle) {
        return key == null ? getMessage() : words(key, particulars, bundle);
    }

    private static String words(String key, List<Object> particulars, ResourceBundle bundle) {
        Object[] said = particulars.stream().map(p -> p instanceof Enum<?> e ? said(e, bundle) : p).toArray();
        return new MessageFormat(bundle.getString(key), WORDS).format(said);
    }

    private static String said(Enum<?> value, ResourceBundle bundle) {
        try {
            return bundle.getString("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
        } catch (MissingResourceException noWords) {
            return value.name();
        }
    }
}
