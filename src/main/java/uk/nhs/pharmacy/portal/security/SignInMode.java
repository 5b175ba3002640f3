package uk.nhs.pharmacy.portal.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Locale;
import java.util.logging.Logger;

/**
 * Chooses how people sign in from {@code portal.auth} ({@code form}, the default, or {@code oidc}).
 * Jakarta Security allows one authentication mechanism per application, so the one not chosen is
 * removed from the application before the platform sees its definition.
 */
public class SignInMode implements Extension {

    private static final Logger LOG = Logger.getLogger(SignInMode.class.getName());

    public static String configured() {
        String mode = ConfigProvider.getConfig().getOptionalValue("portal.auth", String.class).orElse("form")
                .strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("form") && !mode.equals("oidc")) {
            throw new IllegalStateException("portal.auth must be form or oidc, not '" + mode + "'");
        }
        return mode;
    }

    void form(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ProcessAnnotatedType<FormSignIn> type) {
        if (!configured().equals("form")) {
            type.veto();
        }
    }

    void openId(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ProcessAnnotatedType<OpenIdSignIn> type) {
        if (configured().equals("oidc")) {
            LOG.info("Sign-in through OpenID Connect (portal.auth=oidc)");
        } else {
            type.veto();
        }
    }

    void groups(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ProcessAnnotatedType<PortalGroupsStore> type) {
        if (!configured().equals("oidc")) {
            type.veto();
        }
    }
}
