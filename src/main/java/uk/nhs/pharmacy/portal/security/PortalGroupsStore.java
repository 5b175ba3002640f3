package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Set;

/**
 * With OpenID Connect sign-in, the provider says who someone is and this store says what they
 * are in the portal: the role of their enabled portal_user row, or nothing (no access at all).
 */
@ApplicationScoped
public class PortalGroupsStore implements IdentityStore {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(PortalGroupsStore.class.getName());

    @Inject
    UserRepository users;

    @Inject
    OidcSettings settings;

    @Inject
    jakarta.enterprise.inject.Instance<jakarta.security.enterprise.identitystore.openid.OpenIdContext> openIdContext;

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return users.findByUsername(validationResult.getCallerPrincipal().getName())
                .filter(PortalUser::isEnabled)
                .filter(user -> user.getRole() == Role.OWNER || secondFactorShown(user))
                .map(user -> Set.of(user.getRole().name()))
                .orElse(Set.of());
    }

    /** An administrator's ID token must show the provider checked a second factor; without it, no access. */
    private boolean secondFactorShown(PortalUser user) {
        var claims = openIdContext.get().getIdentityToken().getJwtClaims();
        java.util.List<String> amr = claims.getArrayStringClaim("amr");
        String acr = claims.getStringClaim("acr").orElse(null);
        if (settings.showsMfa(amr, acr)) {
            return true;
        }
        LOG.warning(() -> user.getUsername() + " (" + user.getRole() + ") signed in without a second factor (amr " + amr
                + ", acr " + acr + "): no access");
        return false;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.PROVIDE_GROUPS);
    }
}
