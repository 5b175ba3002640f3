package uk.nhs.pharmacy.portal.deputy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.security.CurrentUser;
import uk.nhs.pharmacy.portal.security.Role;

import java.util.List;

/** The home page's note of the reader's own appointments, running or to come: as the absent LOA or as the deputy. */
@Named
@RequestScoped
public class HomeDeputies {

    private static final int SHOWN = 5;

    @Inject
    DeputyRows rows;

    @Inject
    CurrentUser currentUser;

    private List<DeputyRow> current;

    public List<DeputyRow> getCurrent() {
        if (current == null) {
            current = !currentUser.isSignedIn() || currentUser.actor().is(Role.NATIONAL_ADMIN) ? List.of()
                    : rows.page(currentUser.actor(), DeputyQueries.Show.CURRENT, 0, SHOWN);
        }
        return current;
    }
}
