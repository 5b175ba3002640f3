package uk.nhs.pharmacy.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the audit trail end to end and names every row that is not as the portal wrote it:
 * <ul>
 *   <li>CHANGED: a sealed row whose content no longer matches its link in the chain;</li>
 *   <li>DELETED: a link whose row is gone;</li>
 *   <li>INSERTED: a row the portal did not write (no valid MAC: whoever wrote it had no key),
 *   sealed or not;</li>
 *   <li>CHAIN: links missing or out of order;</li>
 *   <li>REWRITTEN: the chain no longer holds a head exported earlier (a rewrite of the whole chain).</li>
 * </ul>
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditKey key;

    @Inject
    AuditSeal seal;

    @Inject
    Authorizer authorizer;

    public record Problem(long eventId, String kind, String detail) {
    }

    public record Report(long sealed, long unsealed, AuditSeal.Head head, List<Problem> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /** Verifies the whole trail; {@code expectedSealNo}/{@code expectedHash}, if given, is a head exported earlier. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Report verify(Actor actor, Long expectedSealNo, String expectedHash) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        long macFrom = ((Number) em.createNativeQuery("SELECT state_value FROM audit_seal_state WHERE state_key = 'mac_from_event'")
                .getSingleResult()).longValue();
        List<Problem> problems = new ArrayList<>();
        String previous = AuditSeal.GENESIS;
        long expectedNo = 1;
        long sealed = 0;
        boolean headFound = expectedSealNo == null;
        for (long after = 0; ; ) {
            @SuppressWarnings("unchecked")
            List<Object[]> links = em.createNativeQuery("SELECT s.seal_no, s.event_id, s.hash, " + prefixed()
                            + " FROM audit_seal s LEFT JOIN audit_event e ON e.id = s.event_id WHERE s.seal_no > ? ORDER BY s.seal_no")
                    .setParameter(1, after).setMaxResults(PAGE).getResultList();
            for (Object[] link : links) {
                long sealNo = ((Number) link[0]).longValue();
                long eventId = ((Number) link[1]).longValue();
                String hash = (String) link[2];
                if (sealNo != expectedNo) {
                    problems.add(new Problem(eventId, "CHAIN", "links " + expectedNo + " to " + (sealNo - 1) + " are missing"));
                }
                if (link[3] == null) {
                    problems.add(new Problem(eventId, "DELETED", "sealed as link " + sealNo + ", no longer in the trail"));
                } else {
                    Object[] row = new Object[12];
                    System.arraycopy(link, 3, row, 0, 12);
                    AuditRecord record = AuditRecord.read(row);
                    if (!AuditSeal.link(previous, record).equals(hash)) {
                        problems.add(new Problem(eventId, "CHANGED", "no longer matches link " + sealNo + " of the chain"));
                    } else if (!macValid(record, macFrom)) {
                        problems.add(new Problem(eventId, "INSERTED", "not written by the portal (no valid MAC), then sealed"));
                    }
                }
                if (expectedSealNo != null && sealNo == expectedSealNo) {
                    headFound = true;
                    if (!hash.equals(expectedHash)) {
                        problems.add(new Problem(eventId, "REWRITTEN", "link " + sealNo + " is not the exported head " + expectedHash));
                    }
                }
                previous = hash;
                expectedNo = sealNo + 1;
                after = sealNo;
                sealed++;
            }
            if (links.size() < PAGE) {
                break;
            }
        }
        if (!headFound) {
            problems.add(new Problem(0, "REWRITTEN", "the chain has no link " + expectedSealNo + ", the exported head"));
        }
        long unsealed = 0;
        for (long after = 0; ; ) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT " + AuditRecord.COLUMNS + " FROM audit_event e WHERE e.id > ? "
                    + "AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id) ORDER BY e.id")
                    .setParameter(1, after).setMaxResults(PAGE).getResultList();
            for (Object[] row : rows) {
                AuditRecord record = AuditRecord.read(row);
                if (!macValid(record, macFrom)) {
                    problems.add(new Problem(record.id(), "INSERTED", "not written by the portal (no valid MAC)"));
                }
                unsealed++;
                after = record.id();
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        return new Report(sealed, unsealed, seal.head(), List.copyOf(problems));
    }

    private boolean macValid(AuditRecord record, long macFrom) {
        if (record.id() < macFrom && record.mac() == null) {
            return true; // written before rows were signed; the chain alone protects it
        }
        return record.mac() != null && record.mac().equals(key.mac(record.canonical()));
    }

    private static String prefixed() {
        StringBuilder s = new StringBuilder();
        for (String column : AuditRecord.COLUMNS.split(",\\s*")) {
            s.append(s.length() == 0 ? "" : ", ").append("e.").append(column);
        }
        return s.toString();
    }
}
