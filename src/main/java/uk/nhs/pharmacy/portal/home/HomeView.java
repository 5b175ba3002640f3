package uk.nhs.pharmacy.portal.home;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;
import uk.nhs.pharmacy.portal.mailbox.PremisesDirectory;
import uk.nhs.pharmacy.portal.mailbox.PremisesLazyModel;
import uk.nhs.pharmacy.portal.mailbox.PremisesRow;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.CurrentUser;
import uk.nhs.pharmacy.portal.security.LastSignIn;
import uk.nhs.pharmacy.portal.security.PasswordSignIn;

import java.io.Serializable;
import java.util.Map;

/** The home page: scope counts for everyone, and the user's premises as a lazy, paged table. */
@Named
@ViewScoped
public class HomeView implements Serializable {

    @Inject
    HomeService home;

    @Inject
    PremisesDirectory directory;

    @Inject
    CurrentUser currentUser;

    private ScopeSummary summary;
    private Actor actor;
    private LazyDataModel<PremisesRow> premises;

    public ScopeSummary getSummary() {
        if (summary == null) {
            summary = home.summary(actor());
        }
        return summary;
    }

    private Actor actor() {
        if (actor == null) {
            actor = currentUser.actor();
        }
        return actor;
    }

    /** The sign-in before this session's, for the person to spot one that was not theirs; null the first time. */
    public LastSignIn getLastSignIn() {
        Object previous = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getSessionMap()
                .get(PasswordSignIn.PREVIOUS_SIGN_IN);
        return previous instanceof LastSignIn last ? last : null;
    }

    public String getLastSignInAt() {
        LastSignIn last = getLastSignIn();
        return last == null ? null : uk.nhs.pharmacy.portal.platform.web.InstantDisplay.format(last.at());
    }

    public LazyDataModel<PremisesRow> getPremises() {
        if (premises == null) {
            // unfiltered, the table counts what the summary above it has counted (ServiceMatrixChecks: the same)
            premises = new PremisesLazyModel(this::actor, Map::of, () -> getSummary().premises());
        }
        return premises;
    }
}
