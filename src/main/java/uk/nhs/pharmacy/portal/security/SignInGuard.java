package uk.nhs.pharmacy.portal.security;

import uk.nhs.pharmacy.portal.platform.SqlValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.platform.NotFound;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slows down and then locks guessing, per account and per client address ({@link SignInThrottle}),
 * and records every attempt. An account's failures are kept in portal_user, so every member of a
 * cluster sees them; failures for usernames that do not exist, and per client address, are kept in
 * memory on each member (bounded), which is enough to stop one address guessing at speed.
 */
@ApplicationScoped
public class SignInGuard {

    private static final int REMEMBERED = 10_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<SecurityEvent> events;

    @Inject
    Authorizer authorizer;

    @Inject
    @ConfigProperty(name = "portal.signIn.account.freeFailures", defaultValue = "3")
    int accountFree;

    @Inject
    @ConfigProperty(name = "portal.signIn.account.lockAfter", defaultValue = "10")
    int accountLockAfter;

    @Inject
    @ConfigProperty(name = "portal.signIn.address.freeFailures", defaultValue = "20")
    int addressFree;

    @Inject
    @ConfigProperty(name = "portal.signIn.address.lockAfter", defaultValue = "100")
    int addressLockAfter;

    @Inject
    @ConfigProperty(name = "portal.signIn.lockMinutes", defaultValue = "15")
    int lockMinutes;

    /** Behind a proxy the portal trusts (deploy/README.md), the client is the first X-Forwarded-For address. */
    @Inject
    @ConfigProperty(name = "portal.signIn.trustForwardedFor", defaultValue = "false")
    boolean trustForwardedFor;

    private SignInThrottle accounts;
    private SignInThrottle addresses;
    private final Map<String, Failures> unknownUsers = bounded();
    private final Map<String, Failures> clientAddresses = bounded();

    /** Failures of a key kept in memory; forgotten a lock period after the last one. */
    record Failures(int count, Instant last, Instant notBefore) {
    }

    @PostConstruct
    void configure() {
        Duration lock = Duration.ofMinutes(lockMinutes);
        accounts = new SignInThrottle(accountFree, accountLockAfter, lock);
        addresses = new SignInThrottle(addressFree, addressLockAfter, lock);
    }

    private static Map<String, Failures> bounded() {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > REMEMBERED;
            }
        });
    }

    public String clientAddress(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (trustForwardedFor && forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip();
        }
        return request.getRemoteAddr();
    }

    /**
     * Before an attempt: how long it must still wait (zero: it may be checked now), and whether an
     * enabled portal user has this username (the identity store checks only those). One read.
     */
    public record Check(Duration retryAfter, boolean known) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Check check(String username, String address) {
        Instant now = clock.instant();
        var account = account(username);
        Duration forAccount = account.map(a -> SignInThrottle.wait(a.notBefore(), now))
                .orElseGet(() -> SignInThrottle.wait(notBefore(unknownUsers, username), now));
        Duration client = SignInThrottle.wait(notBefore(clientAddresses, address), now);
        return new Check(forAccount.compareTo(client) >= 0 ? forAccount : client, account.isPresent());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String username, String address) {
        Instant now = clock.instant();
        var account = account(username);
        int failures;
        if (account.isPresent()) {
            failures = account.get().failures() + 1;
            em.createNativeQuery("UPDATE portal_user SET failed_sign_ins = ?, not_before = ? WHERE username = ?")
                    .setParameter(1, failures).setParameter(2, timestamp(accounts.notBefore(failures, now)))
                    .setParameter(3, username).executeUpdate();
        } else {
            failures = count(unknownUsers, username, now, accounts);
        }
        count(clientAddresses, address, now, addresses);
        events.fire(new SecurityEvent(label(username), SecurityEvent.FAILED, label(username), "from " + address
                + "; failure " + failures + (accounts.locks(failures) ? "; locked for " + lockMinutes + " minutes" : "")));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(String username, String address, Duration wait) {
        events.fire(new SecurityEvent(label(username), SecurityEvent.REFUSED, label(username),
                "from " + address + "; too many failures, " + wait.toSeconds() + " s still to wait"));
    }

    /** Clears the failures, records this sign-in and returns the one before it (null the first time). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public LastSignIn succeeded(String username, String address) {
        Instant now = clock.instant();
        LastSignIn previous = account(username).map(Account::last).orElse(null);
        em.createNativeQuery("UPDATE portal_user SET failed_sign_ins = 0, not_before = NULL, last_sign_in_at = ?, "
                        + "last_sign_in_from = ? WHERE username = ?")
                .setParameter(1, Timestamp.from(now)).setParameter(2, truncate(address, 64)).setParameter(3, username)
                .executeUpdate();
        events.fire(new SecurityEvent(username, SecurityEvent.SIGNED_IN, username, "from " + address));
        return previous;
    }

    /** The national team lets a locked-out person try again; audited. */
    @Transactional
    public void unlock(Actor actor, String username) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        String name = PortalUser.normaliseUsername(username);
        Account account = account(name).orElseThrow(NotFound::new);
        em.createNativeQuery("UPDATE portal_user SET failed_sign_ins = 0, not_before = NULL WHERE username = ?")
                .setParameter(1, name).executeUpdate();
        unknownUsers.remove(name);
        events.fire(new SecurityEvent(actor.username(), SecurityEvent.UNLOCKED, name,
                "after " + account.failures() + " failed sign-ins"));
    }

    /** An enabled user's sign-in state, read past any cache. */
    record Account(int failures, Instant notBefore, LastSignIn last) {
    }

    private java.util.Optional<Account> account(String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT failed_sign_ins, not_before, last_sign_in_at, last_sign_in_from "
                + "FROM portal_user WHERE username = ? AND enabled = TRUE").setParameter(1, username).getResultList();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        Object[] row = rows.get(0);
        Instant last = SqlValues.instant(row[2]);
        return java.util.Optional.of(new Account(((Number) row[0]).intValue(), SqlValues.instant(row[1]),
                last == null ? null : new LastSignIn(last, (String) row[3])));
    }

    private Instant notBefore(Map<String, Failures> map, String key) {
        Failures f = map.get(key);
        return f == null ? null : f.notBefore();
    }

    private int count(Map<String, Failures> map, String key, Instant now, SignInThrottle throttle) {
        Failures updated = map.compute(key, (k, f) -> {
            int count = f == null || f.last().plus(throttle.lockFor()).isBefore(now) ? 1 : f.count() + 1;
            return new Failures(count, now, throttle.notBefore(count, now));
        });
        return updated.count();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** What someone typed as a username, as far as the audit trail keeps it. */
    private static String label(String username) {
        return truncate(username == null || username.isBlank() ? "(none)" : username, 254);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
