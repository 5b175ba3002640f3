package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.platform.NotFound;

import java.util.Optional;

/**
 * The one component every service asks before it acts on an organisation, or on anything that
 * belongs to one (a mailbox, an access, a request, a case). Existence and scope come first: a
 * target the caller may not see is {@link NotFound}, exactly as if it did not exist, before any
 * version, state or business rule is looked at; one the caller may see but not change is
 * {@link AccessDeniedException}.
 */
@ApplicationScoped
public class Authorizer {

    public boolean may(Actor actor, Action action, Organisation organisation) {
        return AccessPolicy.allows(actor, action, organisation == null ? null : OrganisationPlace.of(organisation));
    }

    /**
     * The target's organisation, found and in scope for {@code action}; {@link NotFound} if it is
     * missing or outside what the caller may see. Use it for every id-addressed target.
     */
    public <T> T found(Actor actor, Action action, Optional<T> target, java.util.function.Function<T, Organisation> owner) {
        T found = target.orElseThrow(NotFound::new);
        check(actor, action, owner.apply(found));
        return found;
    }

    /** Refuses an actor who is no longer a user (a job whose author can no longer sign in). */
    public Actor signedIn(Actor actor, String username) {
        if (actor == null) {
            throw new AccessDeniedException(username + " can no longer sign in, so the work they started cannot run");
        }
        return actor;
    }

    public void check(Actor actor, Action action, Organisation organisation) {
        if (organisation != null && !may(actor, Action.VIEW, organisation)) {
            throw new NotFound();
        }
        if (!may(actor, action, organisation)) {
            throw new AccessDeniedException(actor.username() + " may not " + action
                    + (organisation == null ? "" : " on " + organisation.getOdsCode()));
        }
    }

    /** For actions that concern no one organisation (national administration). */
    public boolean may(Actor actor, Action action) {
        return may(actor, action, null);
    }

    /** For actions that concern no one organisation (national administration). */
    public void check(Actor actor, Action action) {
        check(actor, action, null);
    }
}
