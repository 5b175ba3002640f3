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

    /**
     * Administrators (LOAs and the national team) signing in through the provider must have passed its
     * second factor: the ID token's {@code amr} holds one of these values (RFC 8176), or its {@code acr}
     * is {@code portal.oidc.mfa-acr}. Empty turns the check off (the provider then answers for it).
     */
    @Inject
    @ConfigProperty(name = "portal.oidc.mfa-amr", defaultValue = "mfa,otp,hwk,swk,sc")
    java.util.List<String> mfaAmr;

    @Inject
    @ConfigProperty(name = "portal.oidc.mfa-acr")
    java.util.Optional<String> mfaAcr;

    @Inject
    @ConfigProperty(name = "portal.oidc.require-mfa", defaultValue = "true")
    boolean requireMfa;

    /** Whether the claims of an ID token show the second factor an administrator needs. */
    public boolean showsMfa(java.util.List<String> amr, String acr) {
        if (!requireMfa) {
            return true;
        }
        if (mfaAcr.isPresent() && mfaAcr.get().equals(acr)) {
            return true;
        }
        return amr != null && amr.stream().anyMatch(mfaAmr::contains);
    }

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
