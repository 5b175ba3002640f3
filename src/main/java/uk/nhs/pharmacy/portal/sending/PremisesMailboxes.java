package uk.nhs.pharmacy.portal.sending;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The premises whose shared mailbox an address is ({@code pharmacy.<ods>@nhs.net}), as the content filter names it. */
@ApplicationScoped
public class PremisesMailboxes {

    private static final Pattern PREMISES_MAILBOX = Pattern.compile("pharmacy\\.([a-z0-9]+)@" + Pattern.quote(MailAddress.DOMAIN));

    @Inject
    OrganisationRepository organisations;

    /** The premises, or empty for any other address (a person's, a malformed one, an unknown ODS code). */
    public Optional<Organisation> premisesOf(String address) {
        Matcher m = PREMISES_MAILBOX.matcher(address);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return organisations.findByOdsCode(OdsCode.of(m.group(1)));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
