package uk.nhs.pharmacy.portal.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/** Writes the sign-ins {@link SignInImport} read, in one transaction: a newer one replaces an older, never the reverse. */
@ApplicationScoped
public class SignInStore {

    @PersistenceContext
    EntityManager em;

    @Transactional
    public void record(Map<String, Instant> signIns) {
        for (Map.Entry<String, Instant> signIn : signIns.entrySet()) {
            Timestamp at = Timestamp.from(signIn.getValue());
            int updated = em.createNativeQuery("UPDATE mail_sign_in SET last_sign_in = ?1 WHERE address = ?2 AND last_sign_in < ?1")
                    .setParameter(1, at).setParameter(2, signIn.getKey()).executeUpdate();
            if (updated == 0 && em.createNativeQuery("SELECT address FROM mail_sign_in WHERE address = ?1")
                    .setParameter(1, signIn.getKey()).getResultList().isEmpty()) {
                em.createNativeQuery("INSERT INTO mail_sign_in (address, last_sign_in) VALUES (?1, ?2)")
                        .setParameter(1, signIn.getKey()).setParameter(2, at).executeUpdate();
            }
        }
    }
}
