package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The OpenID Connect client settings, from MicroProfile Config (used only when portal.auth=oidc). */
@Named
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "portal.oidc.provider-uri", defaultValue = "http://127.0.0.1/not-configured")
    String providerUri;

    @Inject
    @ConfigProperty(name = "portal.oidc.client-id", defaultValue = "portal")
    String clientId;

    @Inject
    @ConfigProperty(name = "portal.oidc.client-secret", defaultValue = "not-configured")
    String clientSecret;

    /** The claim that holds the portal username (an NHSmail address in production). */
    @Inject
    @ConfigProperty(name = "portal.oidc.caller-name-claim", defaultValue = "preferred_username")
    String callerNameClaim;

    public String getProviderUri() {
        return providerUri;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public String getCallerNameClaim() {
        return callerNameClaim;
    }
}
