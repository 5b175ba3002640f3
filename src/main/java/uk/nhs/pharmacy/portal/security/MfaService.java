package uk.nhs.pharmacy.portal.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.apache.commons.codec.binary.Base32;
import org.apache.commons.codec.digest.DigestUtils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.platform.NotFound;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The second factor NHSmail requires of administrators: LOAs and the national team sign in with a
 * TOTP code from an authenticator app (or a one-time recovery code) after their password. A code is
 * good once. {@code portal.mfa.relaxed} turns it off for a test instance, and says so loudly.
 */
@ApplicationScoped
public class MfaService {

    private static final Logger LOG = Logger.getLogger(MfaService.class.getName());
    private static final int RECOVERY_CODES = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<SecurityEvent> events;

    @Inject
    Authorizer authorizer;

    @Inject
    MfaSecrets secrets;

    @Inject
    @ConfigProperty(name = "portal.mfa.relaxed", defaultValue = "false")
    boolean relaxed;

    /** Lets a code be used again within its step: for a test instance that signs the same person in many times. */
    @Inject
    @ConfigProperty(name = "portal.mfa.reuseWithinStep", defaultValue = "false")
    boolean reuseWithinStep;

    @PostConstruct
    void warn() {
        if (relaxed) {
            LOG.warning("portal.mfa.relaxed=true: LOAs and the national team sign in WITHOUT a second factor. "
                    + "Only for a test instance; never in production.");
        }
        if (reuseWithinStep) {
            LOG.warning("portal.mfa.reuseWithinStep=true: an authenticator code may be used more than once. "
                    + "Only for a test instance; never in production.");
        }
    }

    public boolean isRelaxed() {
        return relaxed;
    }

    /** LOAs and the national team need a second factor (with the portal's own sign-in). */
    public boolean requiredFor(Set<String> groups) {
        return !relaxed && (groups.contains(Role.NATIONAL_ADMIN_NAME) || groups.contains(Role.LOA_NAME));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean enrolled(String username) {
        return secret(username) != null;
    }

    /** Accepts a current TOTP code, or an unused recovery code, once; false for anything else. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean accept(String username, String code) {
        String typed = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (typed.matches("\\d{6}")) {
            return acceptTotp(username, typed);
        }
        if (typed.length() == 10) {
            int used = em.createNativeQuery("UPDATE mfa_recovery_code SET used_at = ? WHERE username = ? AND code_hash = ? "
                            + "AND used_at IS NULL").setParameter(1, Timestamp.from(clock.instant())).setParameter(2, username)
                    .setParameter(3, DigestUtils.sha256Hex(typed)).executeUpdate();
            if (used == 1) {
                events.fire(new SecurityEvent(username, SecurityEvent.RECOVERY_CODE_USED, username,
                        remainingRecoveryCodes(username) + " recovery codes left"));
                return true;
            }
        }
        return false;
    }

    private boolean acceptTotp(String username, String typed) {
        Object[] row = state(username);
        if (row == null || row[0] == null) {
            return false;
        }
        String secret = secrets.open((String) row[0]);
        if (!secrets.isSealed((String) row[0])) { // written in plain before sealing: seal it now
            em.createNativeQuery("UPDATE portal_user SET mfa_secret = ? WHERE username = ?")
                    .setParameter(1, secrets.seal(secret)).setParameter(2, username).executeUpdate();
        }
        Long lastStep = row[1] == null ? null : ((Number) row[1]).longValue();
        Instant now = clock.instant();
        long current = Totp.step(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if (Totp.code(secret, Instant.ofEpochSecond(step * Totp.STEP.getSeconds())).equals(typed)) {
                if (lastStep != null && step <= lastStep && !reuseWithinStep) {
                    return false; // used already: a code is good once
                }
                em.createNativeQuery("UPDATE portal_user SET mfa_last_step = ? WHERE username = ?")
                        .setParameter(1, Math.max(step, lastStep == null ? step : lastStep)).setParameter(2, username)
                        .executeUpdate();
                return true;
            }
        }
        return false;
    }

    /**
     * Enrols an authenticator: the secret shown to the person is kept once they prove they have it
     * with a code. Returns the new recovery codes (shown once, kept only as hashes), or an empty
     * list if the code was not right.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> enrol(String username, String secret, String code) {
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        Instant now = clock.instant();
        long current = Totp.step(now);
        Long matched = null;
        for (long step = current - 1; step <= current + 1 && matched == null; step++) {
            if (Totp.code(secret, Instant.ofEpochSecond(step * Totp.STEP.getSeconds())).equals(typed)) {
                matched = step;
            }
        }
        if (matched == null) {
            return List.of();
        }
        em.createNativeQuery("UPDATE portal_user SET mfa_secret = ?, mfa_last_step = ? WHERE username = ?")
                .setParameter(1, secrets.seal(secret)).setParameter(2, matched).setParameter(3, username).executeUpdate();
        List<String> codes = newRecoveryCodes(username);
        events.fire(new SecurityEvent(username, SecurityEvent.MFA_ENROLLED, username,
                "authenticator app and " + codes.size() + " recovery codes"));
        return codes;
    }

    /** The national team clears someone's authenticator (a lost phone); they enrol again at their next sign-in. */
    @Transactional
    public void reset(Actor actor, String username) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        String name = PortalUser.normaliseUsername(username);
        int found = em.createNativeQuery("UPDATE portal_user SET mfa_secret = NULL, mfa_last_step = NULL WHERE username = ?")
                .setParameter(1, name).executeUpdate();
        if (found == 0) {
            throw new NotFound();
        }
        em.createNativeQuery("DELETE FROM mfa_recovery_code WHERE username = ?").setParameter(1, name).executeUpdate();
        events.fire(new SecurityEvent(actor.username(), SecurityEvent.MFA_RESET, name, "authenticator and recovery codes cleared"));
    }

    private List<String> newRecoveryCodes(String username) {
        em.createNativeQuery("DELETE FROM mfa_recovery_code WHERE username = ?").setParameter(1, username).executeUpdate();
        SecureRandom random = new SecureRandom();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] bytes = new byte[7];
            random.nextBytes(bytes);
            String code = new Base32().encodeToString(bytes).substring(0, 10);
            em.createNativeQuery("INSERT INTO mfa_recovery_code (username, code_hash) VALUES (?, ?)")
                    .setParameter(1, username).setParameter(2, DigestUtils.sha256Hex(code)).executeUpdate();
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    private long remainingRecoveryCodes(String username) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM mfa_recovery_code WHERE username = ? AND used_at IS NULL")
                .setParameter(1, username).getSingleResult()).longValue();
    }

    private String secret(String username) {
        Object[] row = state(username);
        return row == null ? null : (String) row[0];
    }

    private Object[] state(String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT mfa_secret, mfa_last_step FROM portal_user WHERE username = ?")
                .setParameter(1, username).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }
}
