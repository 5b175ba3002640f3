package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;

/**
 * Sign-in through an OpenID Connect provider ({@code portal.auth=oidc}): the platform's
 * authorization-code mechanism, configured from {@link OidcSettings}. The provider proves who the
 * person is; their role and scope still come from portal_user, by {@link PortalGroupsStore}.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcSettings.providerUri}",
        clientId = "${oidcSettings.clientId}",
        clientSecret = "${oidcSettings.clientSecret}",
        redirectURI = "${baseURL}/oidc/callback",
        redirectToOriginalResource = false,
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "${oidcSettings.callerNameClaim}"),
        logout = @LogoutDefinition(redirectURI = "${baseURL}/login.xhtml?signedOut=true"))
@ApplicationScoped
public class OpenIdSignIn {
}
