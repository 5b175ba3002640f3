package uk.nhs.pharmacy.portal.onboarding;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.security.CurrentUser;

/** The premises page's NUMSAS switch, for the national team. */
@Named
@RequestScoped
public class NumsasToggle {

    @Inject
    NumsasProviders providers;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    /** Flips the flag and shows the premises page again. */
    public String toggle(Organisation premises) {
        boolean flag = !premises.isNumsas();
        if (messages.attempt(() -> providers.flag(currentUser.actor(), premises.getId(), flag))) {
            return "/premises?faces-redirect=true&ods=" + premises.getOdsCode().value();
        }
        return null;
    }
}
