package uk.nhs.pharmacy.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * The account search behind every "person" field: suggestions read "address — name", and the
 * address is what counts when the form is sent. Used as {@code #{accountSuggestions.complete}}.
 */
@Named
@ApplicationScoped
public class AccountSuggestions {

    private static final int MAX = 10;

    @Inject
    AccountRepository accounts;

    public List<String> complete(String text) {
        return accounts.searchActive(text, MAX).stream()
                .map(a -> a.getAddress().value() + " — " + a.displayName())
                .toList();
    }

    /** The address in a suggestion or in what was typed (the text before the first space). */
    public static MailAddress addressOf(String text) {
        String typed = text == null ? "" : text.strip();
        int space = typed.indexOf(' ');
        return MailAddress.of(space < 0 ? typed : typed.substring(0, space));
    }
}
