package uk.nhs.pharmacy.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An audit row's before and after as a person reads them on screen: the codes the row keeps
 * ("[FULL_ACCESS, SEND_AS]", "LOCUM_PHARMACIST", "ACTIVE") in the bundle's words ("Full Access,
 * Send As", "Locum pharmacist", "Active"). The row itself, and the CSV export, keep the codes.
 */
@Named
@ApplicationScoped
public class AuditWords {

    private static final String RIGHT = "(?:FULL_ACCESS|SEND_AS|SEND_ON_BEHALF|OWNER)";
    private static final Pattern PERMISSION_LIST = Pattern.compile("\\[(" + RIGHT + "(?:, ?" + RIGHT + ")*)]|\\b(" + RIGHT + "(?:," + RIGHT + ")+)\\b");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z]+(?:_[A-Z]+)+\\b|\\b(?:ACTIVE|LEAVER|DISABLED|CLOSED|REQUESTED)\\b");
    private static final String[] ENUMS = {"JobRole", "AccountStatus", "MailboxStatus", "Permission", "RequestState", "Right"};

    private final ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", Locale.UK);

    public String of(String recorded) {
        if (recorded == null) {
            return null;
        }
        Matcher list = PERMISSION_LIST.matcher(recorded);
        StringBuilder out = new StringBuilder();
        while (list.find()) {
            boolean bracketed = list.group(1) != null;
            String words = Arrays.stream((bracketed ? list.group(1) : list.group(2)).split(", ?")).map(this::word)
                    .collect(Collectors.joining(", "));
            list.appendReplacement(out, Matcher.quoteReplacement(bracketed ? "(" + words + ")" : words));
        }
        list.appendTail(out);
        Matcher code = CODE.matcher(out.toString());
        StringBuilder words = new StringBuilder();
        while (code.find()) {
            code.appendReplacement(words, Matcher.quoteReplacement(word(code.group())));
        }
        code.appendTail(words);
        return words.toString();
    }

    /** The words for a code of one of the enums people see, or the code itself if it is none of theirs. */
    private String word(String code) {
        for (String type : ENUMS) {
            String key = "enum." + type + "." + code;
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return code;
    }
}
