package uk.nhs.pharmacy.portal.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import uk.nhs.pharmacy.portal.account.AccountStatus;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;
import uk.nhs.pharmacy.portal.provisioning.SocketmapLookup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Send As, as Postfix sees it: a shared mailbox's address may be used by the people with live
 * Send As on it; a personal address by its own person while their account is active.
 */
@ApplicationScoped
public class SenderLogins implements SocketmapLookup {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Postfix's {@code smtpd_sender_login_maps = socketmap:inet:127.0.0.1:<port>:senders}. */
    @Override
    public String map() {
        return "senders";
    }

    /** The logins allowed to send as the address, comma-separated, as Postfix takes them. */
    @Override
    public Optional<String> find(String address) {
        List<String> logins = loginsFor(address);
        return logins.isEmpty() ? Optional.empty() : Optional.of(String.join(",", logins));
    }

    /** The SASL logins (NHSmail addresses) allowed to send as {@code address}; empty if none. */
    @Transactional
    public List<String> loginsFor(String address) {
        MailAddress key;
        try {
            key = MailAddress.of(address);
        } catch (InvalidValueException e) {
            return List.of();
        }
        List<String> logins = new ArrayList<>(em.createQuery("select a.address from Delegation d join d.account a "
                        + "join d.mailbox m where m.address = :key and d.sendAs = true and " + Delegation.LIVE
                        + " and a.status = :active order by a.address",
                        MailAddress.class)
                .setParameter("key", key).setParameter("now", clock.instant()).setParameter("active", AccountStatus.ACTIVE)
                .getResultList().stream().map(MailAddress::value).toList());
        boolean person = !em.createQuery("select a.id from PersonalAccount a where a.address = :key and a.status = :active",
                        Long.class)
                .setParameter("key", key).setParameter("active", AccountStatus.ACTIVE).setMaxResults(1).getResultList().isEmpty();
        if (person) {
            logins.add(0, key.value());
        }
        return logins;
    }
}
