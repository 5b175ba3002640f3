package uk.nhs.pharmacy.portal.platform;

import jakarta.ejb.ApplicationException;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A request the domain refuses (a duplicate grant, a leaver given access, an expiry in the past).
 * The words are in the i18n bundle ({@code refusal.*}), named by a key with its particulars, so
 * screens and the API say the same thing and a translation changes both; the transaction is rolled back.
 */
@ApplicationException(rollback = true)
public class RuleViolation extends RuntimeException {

    private static final Locale WORDS = Locale.UK;

    private final String key;
    private final List<String> particulars;

    /** A refusal already in words, passed on from a value or an entity that checked its input. */
    public RuleViolation(String message) {
        super(message);
        this.key = null;
        this.particulars = List.of();
    }

    private RuleViolation(String key, List<String> particulars) {
        super(words(key, particulars));
        this.key = key;
        this.particulars = particulars;
    }

    /** The refusal with this bundle key; each particular is shown as its text (an id is not grouped as 1,234). */
    public static RuleViolation because(String key, Object... particulars) {
        return new RuleViolation(key, Arrays.stream(particulars).map(String::valueOf).toList());
    }

    /** The bundle key, or null for a refusal passed on in words. */
    public String key() {
        return key;
    }

    public List<String> particulars() {
        return particulars;
    }

    /** The words of a refusal from a bundle (a screen's own, for its locale). */
    public String in(ResourceBundle bundle) {
        return key == null ? getMessage() : new MessageFormat(bundle.getString(key), bundle.getLocale() == null
                || bundle.getLocale().toString().isEmpty() ? WORDS : bundle.getLocale()).format(particulars.toArray());
    }

    private static String words(String key, List<String> particulars) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", WORDS);
        return new MessageFormat(bundle.getString(key), WORDS).format(particulars.toArray());
    }
}
