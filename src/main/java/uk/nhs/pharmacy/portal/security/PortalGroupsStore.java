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

    @Inject
    UserRepository users;

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return users.findByUsername(validationResult.getCallerPrincipal().getName())
                .filter(PortalUser::isEnabled)
                .map(user -> Set.of(user.getRole().name()))
                .orElse(Set.of());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.PROVIDE_GROUPS);
    }
}
