package uk.nhs.pharmacy.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * The account search behind every "person" field: suggestions read "address — name — role, home", and the
 * address is what counts when the form is sent. Used as {@code #{accountSuggestions.complete}}.
 */
@Named
@ApplicationScoped
public class AccountSuggestions {

    private static final int MAX = 10;

    @Inject
    AccountRepository accounts;

    /**
     * "andrew.patel2@nhs.net — Andrew Patel — Pharmacist, Boots (FM123)": the job role and home
     * premises tell apart two people of the same name, since choosing the wrong one is a breach.
     */
    public List<String> complete(String text) {
        java.util.ResourceBundle words = java.util.ResourceBundle.getBundle("i18n.messages", java.util.Locale.UK);
        return accounts.searchActive(text, MAX).stream()
                .map(a -> a.getAddress().value() + " — " + a.displayName() + " — "
                        + words.getString("enum.JobRole." + a.getJobRole().name())
                        + (a.getHomeOrganisation() == null ? "" : ", " + a.getHomeOrganisation().getName()
                        + " (" + a.getHomeOrganisation().getOdsCode().value() + ")"))
                .toList();
    }

    /** The address in a suggestion or in what was typed (the text before the first space). */
    public static MailAddress addressOf(String text) {
        String typed = text == null ? "" : text.strip();
        int space = typed.indexOf(' ');
        return MailAddress.of(space < 0 ? typed : typed.substring(0, space));
    }
}
