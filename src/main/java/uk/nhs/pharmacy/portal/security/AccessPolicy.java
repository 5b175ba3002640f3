package uk.nhs.pharmacy.portal.security;

import uk.nhs.pharmacy.portal.organisation.OrganisationKind;

/**
 * The rule table: which role may take which action, and whether scope applies. A pure function
 * so it can be tested exhaustively without a container; {@link Authorizer} applies it.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static boolean allows(Actor actor, Action action, OrganisationPlace place) {
        if (actor.system()) {
            return action != Action.ADMINISTER_NATIONAL;
        }
        if (allows(actor.role(), actor.ownScope(), action, place)) {
            return true;
        }
        // A deputy acts as an LOA in the delegated part, but appoints no deputies with it.
        return place != null && action != Action.APPOINT_DEPUTY && actor.deputyships().stream()
                .anyMatch(d -> allows(Role.LOA, d.scope(), action, place));
    }

    private static boolean allows(Role role, Scope scope, Action action, OrganisationPlace place) {
        return switch (role) {
            case NATIONAL_ADMIN -> action != Action.REQUEST_CHANGE;
            case LOA -> switch (action) {
                case VIEW, MANAGE_ACCESS, MANAGE_ACCOUNTS, EXTEND_ACCESS, APPROVE_REQUEST, RUN_LEAVER, EDIT_DISCLOSURE,
                     MANAGE_REVIEWS, REVIEW_ACCESS ->
                        place != null && scope.covers(place);
                case SEARCH_AUDIT -> true; // the search itself is limited to the LOA's scope
                case APPOINT_DEPUTY -> place == null || scope.covers(place); // for themselves: all or part of their scope
                case REQUEST_CHANGE, REGISTER_PREMISES, ADMINISTER_NATIONAL -> false;
            };
            case OWNER -> switch (action) {
                case VIEW, EXTEND_ACCESS, REQUEST_CHANGE, REVIEW_ACCESS -> place != null && scope.covers(place);
                case REGISTER_PREMISES, EDIT_DISCLOSURE -> place != null && ownsContractorOf(scope, place);
                default -> false;
            };
            // An HR system says who joins, moves and leaves; it never gives access to a mailbox.
            case HR_SYSTEM -> switch (action) {
                case VIEW, MANAGE_ACCOUNTS, RUN_LEAVER -> place != null && scope.covers(place);
                default -> false;
            };
        };
    }

    /**
     * Registering premises is the contractor's business: the owner's scope must hold the contractor
     * that the place is or belongs to, not only one of its premises (as a branch manager's does).
     */
    private static boolean ownsContractorOf(Scope scope, OrganisationPlace place) {
        Long contractor = place.kind() == OrganisationKind.CONTRACTOR ? Long.valueOf(place.id()) : place.parentId();
        return contractor != null && scope.organisationIds().contains(contractor);
    }
}
