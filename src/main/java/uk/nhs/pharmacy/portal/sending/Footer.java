package uk.nhs.pharmacy.portal.sending;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The legal footer of mail sent as a premises: the contractor's complete trading disclosures in the
 * words of the bundle's template for its legal form. None while the details are incomplete.
 */
public final class Footer {

    private Footer() {
    }

    public static Optional<String> of(String tradingName, Disclosure details) {
        if (details == null || !details.isComplete()) {
            return Optional.empty();
        }
        ResourceBundle words = ResourceBundle.getBundle("i18n.messages", Locale.UK);
        String text = switch (details.getLegalForm()) {
            case COMPANY -> MessageFormat.format(words.getString("footer.company"), tradingName, details.getRegisteredName(),
                    details.getPlaceOfRegistration(), details.getCompanyNumber(), details.getRegisteredOffice());
            case SOLE_TRADER -> MessageFormat.format(words.getString("footer.soleTrader"), tradingName, details.getOwnerNames(),
                    details.getServiceAddress());
            case PARTNERSHIP -> MessageFormat.format(words.getString("footer.partnership"), tradingName, details.getOwnerNames(),
                    details.getServiceAddress());
        };
        return Optional.of(text);
    }
}
