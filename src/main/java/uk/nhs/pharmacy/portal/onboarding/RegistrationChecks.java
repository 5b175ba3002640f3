package uk.nhs.pharmacy.portal.onboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import uk.nhs.pharmacy.portal.mailbox.MailboxStatus;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationKind;
import uk.nhs.pharmacy.portal.organisation.Postcode;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database says about registrations: a request already open or approved for the ODS
 * code, a premises that already has its conforming mailbox, a premises of another contractor.
 * Checked for many rows at once, a few queries per batch, never one query per row.
 */
@ApplicationScoped
public class RegistrationChecks {

    /** What is known of one ODS code: the premises (if any), where it lies, and why it cannot be registered. */
    public record Known(Long premisesId, Long areaId, boolean numsas, String problem) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Authorizer authorizer;

    public Map<OdsCode, Known> check(Actor actor, Collection<OdsCode> codes) {
        Map<OdsCode, Known> known = new HashMap<>();
        if (codes.isEmpty()) {
            return known;
        }
        List<OdsCode> list = new ArrayList<>(codes);
        for (Object[] row : em.createQuery("select r.odsCode, r.id, r.receivedAt, r.state from RegistrationRequest r "
                        + "where r.odsCode in :codes and r.state <> :rejected", Object[].class)
                .setParameter("codes", list).setParameter("rejected", RegistrationState.REJECTED).getResultList()) {
            known.put((OdsCode) row[0], new Known(null, null, false, "already requested on "
                    + UkTime.dateOf((java.time.Instant) row[2]) + " (request " + row[1] + ", " + row[3] + ")"));
        }
        Map<Long, String> mailboxes = new HashMap<>();
        for (Object[] row : em.createQuery("select m.premises.id, m.address from SharedMailbox m where m.status = :active "
                        + "and m.premises.odsCode in :codes", Object[].class)
                .setParameter("active", MailboxStatus.ACTIVE).setParameter("codes", list).getResultList()) {
            mailboxes.put((Long) row[0], String.valueOf(row[1]));
        }
        for (Organisation premises : em.createQuery("select o from Organisation o where o.odsCode in :codes", Organisation.class)
                .setParameter("codes", list).getResultList()) {
            if (known.containsKey(premises.getOdsCode())) {
                continue;
            }
            String problem = null;
            if (premises.getKind() != OrganisationKind.PREMISES) {
                problem = "is the code of a " + premises.getKind().name().toLowerCase(java.util.Locale.ROOT) + ", not a premises";
            } else if (!authorizer.may(actor, Action.REGISTER_PREMISES, premises)) {
                problem = "is a premises you cannot register (another contractor's)";
            } else if (mailboxes.containsKey(premises.getId())) {
                problem = "already has its shared mailbox " + mailboxes.get(premises.getId());
            }
            known.put(premises.getOdsCode(), new Known(premises.getId(),
                    premises.getAreaId(), premises.isNumsas(), problem));
        }
        return known;
    }

    /** The area most premises in the same postal district lie in: a suggestion for a new premises. */
    public Long areaByPostcode(Postcode postcode, Map<String, Long> memo) {
        return memo.computeIfAbsent(postcode.outward(), outward -> {
            List<?> rows = em.createNativeQuery("SELECT area_id, COUNT(*) FROM organisation WHERE kind = 'PREMISES' "
                            + "AND postcode LIKE ?1 AND area_id IS NOT NULL GROUP BY area_id ORDER BY 2 DESC")
                    .setParameter(1, outward + " %").setMaxResults(1).getResultList();
            return rows.isEmpty() ? null : ((Number) ((Object[]) rows.get(0))[0]).longValue();
        });
    }
}
