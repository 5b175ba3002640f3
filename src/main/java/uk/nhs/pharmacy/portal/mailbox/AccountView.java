package uk.nhs.pharmacy.portal.mailbox;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.Serializable;

/** A personal account's page: every mailbox the person can reach, across all premises, and their history. */
@Named
@ViewScoped
public class AccountView implements Serializable {

    @Inject
    MailboxQueries queries;

    @Inject
    CurrentUser currentUser;

    private String address;
    private AccountDetails details;

    public void load() throws IOException {
        try {
            details = queries.account(currentUser.actor(), MailAddress.of(address)).orElse(null);
        } catch (InvalidValueException e) {
            details = null;
        }
        if (details == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Not found");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public AccountDetails getDetails() {
        return details;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
