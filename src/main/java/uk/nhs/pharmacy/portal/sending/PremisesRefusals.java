package uk.nhs.pharmacy.portal.sending;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.organisation.Organisation;

/** The premises page's count of mail the secure-recipient check refused; the page has already found the premises in scope. */
@Named
@RequestScoped
public class PremisesRefusals {

    static final int DAYS = 30;

    @Inject
    MailRefusals refusals;

    private Long counted;

    public long lastThirtyDays(Organisation premises) {
        if (counted == null) {
            counted = refusals.count(premises.getId(), DAYS);
        }
        return counted;
    }
}
