package uk.nhs.pharmacy.portal.request;

import uk.nhs.pharmacy.portal.platform.UkTime;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * What a request asks for, in words a person reads on the queue, in "My requests", in the e-mail
 * to the LOA and in the audit trail: "Give Full Access, Send As to Leo Lindqvist, last day Fri 11
 * Dec 2026, at FM664". One place, so the screens and the notification cannot say it differently.
 */
public final class RequestWords {

    private static final ResourceBundle WORDS = ResourceBundle.getBundle("i18n.messages", Locale.UK);

    private RequestWords() {
    }

    public static String of(AccessRequest r) {
        String rights = r.getPermissions().stream().map(p -> WORDS.getString("enum.Permission." + p.name()))
                .collect(Collectors.joining(", ")) + (r.isOwner() ? WORDS.getString("request.words.asOwner") : "");
        String until = r.getLastDay() == null ? "" : format("request.words.lastDay", UkTime.words(r.getLastDay()));
        String from = r.getEffectiveDate() == null ? "" : format("request.words.from", UkTime.words(r.getEffectiveDate()));
        String at = r.getPremises().getOdsCode().toString();
        return switch (r.getKind()) {
            case GRANT -> format("request.words.grant", rights, r.subjectName(), until, at);
            case CHANGE -> format("request.words.change", r.subjectName(), rights, until, at);
            case REVOKE -> format("request.words.revoke", r.subjectName(), at);
            case LEAVER -> format("request.words.leaver", r.subjectName(),
                    WORDS.getString("request.words.leaves." + r.getLeaverKind().name()), from, at);
        };
    }

    private static String format(String key, Object... parts) {
        return new MessageFormat(WORDS.getString(key), Locale.UK).format(parts);
    }
}
