package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import uk.nhs.pharmacy.portal.organisation.Organisation;

/** The one component every service asks before it acts on an organisation. */
@ApplicationScoped
public class Authorizer {

    public boolean may(Actor actor, Action action, Organisation organisation) {
        return AccessPolicy.allows(actor, action, organisation == null ? null : OrganisationPlace.of(organisation));
    }

    public void check(Actor actor, Action action, Organisation organisation) {
        if (!may(actor, action, organisation)) {
            throw new AccessDeniedException(actor.username() + " may not " + action
                    + (organisation == null ? "" : " on " + organisation.getOdsCode()));
        }
    }

    /** For actions that concern no one organisation (national administration). */
    public void check(Actor actor, Action action) {
        check(actor, action, null);
    }
}
