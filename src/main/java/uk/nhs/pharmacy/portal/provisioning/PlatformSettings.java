package uk.nhs.pharmacy.portal.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which mail platform the dispatcher talks to: {@code platform.kind=none} (the default, the
 * embedded demo: changes are kept and marked as having no target) or {@code dovecot}.
 */
@ApplicationScoped
public class PlatformSettings {

    @Inject
    @ConfigProperty(name = "platform.kind", defaultValue = "none")
    String kind;

    @Inject
    @ConfigProperty(name = "platform.imap.host", defaultValue = "127.0.0.1")
    String imapHost;

    @Inject
    @ConfigProperty(name = "platform.imap.port", defaultValue = "143")
    int imapPort;

    @Inject
    @ConfigProperty(name = "platform.master.user", defaultValue = "portal-admin")
    String masterUser;

    @Inject
    @ConfigProperty(name = "platform.master.password")
    Optional<String> masterPassword;

    /** The doveadm command line, e.g. "doveadm -c /etc/dovecot/dovecot.conf"; empty: sessions are not kicked. */
    @Inject
    @ConfigProperty(name = "platform.doveadm", defaultValue = "doveadm")
    String doveadm;

    /** Dovecot's last_login dictionary, as its plugin is configured (empty: sign-ins are not read). */
    @Inject
    @ConfigProperty(name = "platform.lastLogin.dict", defaultValue = " ")
    String lastLoginDict;

    public boolean isConfigured() {
        return !"none".equalsIgnoreCase(kind.strip());
    }

    @Produces
    @ApplicationScoped
    MailPlatform platform() {
        if (!isConfigured()) {
            return new NoPlatform();
        }
        if (!"dovecot".equalsIgnoreCase(kind.strip())) {
            throw new IllegalStateException("platform.kind must be none or dovecot, not " + kind);
        }
        List<String> command = doveadm.isBlank() ? List.of() : Arrays.asList(doveadm.strip().split("\\s+"));
        return new DovecotPlatform(imapHost, imapPort, masterUser,
                masterPassword.orElseThrow(() -> new IllegalStateException("platform.master.password is required")), command)
                .withLastLoginDict(lastLoginDict);
    }
}
