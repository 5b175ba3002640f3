package uk.nhs.pharmacy.portal.sending;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.provisioning.SocketmapLookup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Mail the content filter refused (an NHS number to a recipient outside the secure list), counted per
 * premises and day. The filter reports "refused &lt;premises mailbox&gt;" over the socketmap; nothing
 * of the message is sent or kept.
 */
@ApplicationScoped
@Transactional
public class MailRefusals implements SocketmapLookup {

    @PersistenceContext
    EntityManager em;

    @Inject
    PremisesMailboxes premisesMailboxes;

    @Inject
    Clock clock;

    @Override
    public String map() {
        return "refused";
    }

    /** Counts one refusal for the premises whose mailbox the address is; NOTFOUND for any other address. */
    @Override
    public Optional<String> find(String mailbox) {
        Long premises = premisesMailboxes.premisesOf(mailbox).map(o -> o.getId()).orElse(null);
        if (premises == null) {
            return Optional.empty();
        }
        LocalDate today = UkTime.today(clock);
        int updated = em.createNativeQuery("UPDATE mail_refusal SET refusals = refusals + 1 WHERE premises_id = ? AND refused_on = ?")
                .setParameter(1, premises).setParameter(2, today).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO mail_refusal (premises_id, refused_on, refusals) VALUES (?, ?, 1)")
                    .setParameter(1, premises).setParameter(2, today).executeUpdate();
        }
        return Optional.of("counted");
    }

    /** Refusals for the premises in the last {@code days} days, today included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(long premisesId, int days) {
        Number n = (Number) em.createNativeQuery("SELECT COALESCE(SUM(refusals), 0) FROM mail_refusal WHERE premises_id = ? AND refused_on > ?")
                .setParameter(1, premisesId).setParameter(2, UkTime.today(clock).minusDays(days)).getSingleResult();
        return n.longValue();
    }
}
