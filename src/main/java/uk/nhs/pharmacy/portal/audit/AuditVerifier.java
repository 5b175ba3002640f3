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
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
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

    private static final int PAGE = 200;
    private static final int ID_PAGE = 10_000;
    private static final long SPAN = 50_000;

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
        CoveredIds covered = new CoveredIds();
        String previous = AuditSeal.GENESIS;
        long expectedNo = 1;
        long sealed = 0;
        boolean headFound = expectedSealNo == null;
        for (long after = 0; ; ) {
            @SuppressWarnings("unchecked")
            List<Object[]> links = em.createNativeQuery("SELECT seal_no, first_event_id, last_event_id, event_ids, hash "
                    + "FROM audit_seal_block WHERE seal_no > ? ORDER BY seal_no").setParameter(1, after).setMaxResults(PAGE).getResultList();
            Map<Long, AuditRecord> rows = rowsOf(links);
            for (Object[] link : links) {
                long sealNo = ((Number) link[0]).longValue();
                EventIds ids = EventIds.parse((String) link[3]);
                String hash = (String) link[4];
                if (sealNo != expectedNo) {
                    problems.add(new Problem(ids.first(), "CHAIN", "links " + expectedNo + " to " + (sealNo - 1) + " are missing"));
                }
                checkLink(sealNo, ids, hash, previous, rows, macFrom, problems);
                if (expectedSealNo != null && sealNo == expectedSealNo) {
                    headFound = true;
                    if (!hash.equals(expectedHash)) {
                        problems.add(new Problem(ids.last(), "REWRITTEN", "link " + sealNo + " is not the exported head " + expectedHash));
                    }
                }
                covered.add(ids);
                previous = hash;
                expectedNo = sealNo + 1;
                after = sealNo;
                sealed += ids.count();
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
            List<?> ids = em.createNativeQuery("SELECT id FROM audit_event WHERE id > ? ORDER BY id")
                    .setParameter(1, after).setMaxResults(ID_PAGE).getResultList();
            for (Object id : ids) {
                after = ((Number) id).longValue();
                if (!covered.contains(after)) {
                    unsealed++;
                    if (!macValid(row(after), macFrom)) {
                        problems.add(new Problem(after, "INSERTED", "not written by the portal (no valid MAC)"));
                    }
                }
            }
            if (ids.size() < ID_PAGE) {
                break;
            }
        }
        return new Report(sealed, unsealed, seal.head(), List.copyOf(problems));
    }

    /**
     * One link against its rows: a row it names that is gone is DELETED; a row without a valid MAC is
     * CHANGED when the link no longer matches, INSERTED (then sealed) when it does; a link that no
     * longer matches for another reason (a row changed by someone holding the key) is named as a whole.
     */
    private void checkLink(long sealNo, EventIds ids, String hash, String previous, Map<Long, AuditRecord> rows, long macFrom,
                           List<Problem> problems) {
        List<AuditRecord> records = new ArrayList<>();
        List<Problem> named = new ArrayList<>();
        for (long[] range : ids.ranges()) {
            for (long id = range[0]; id <= range[1]; id++) {
                AuditRecord record = rows.get(id);
                if (record == null) {
                    named.add(new Problem(id, "DELETED", "sealed in link " + sealNo + ", no longer in the trail"));
                } else {
                    records.add(record);
                }
            }
        }
        boolean matches = AuditSeal.hash(previous, records).equals(hash);
        for (AuditRecord record : records) {
            if (!macValid(record, macFrom)) {
                named.add(matches ? new Problem(record.id(), "INSERTED", "not written by the portal (no valid MAC), then sealed")
                        : new Problem(record.id(), "CHANGED", "no longer matches link " + sealNo + " of the chain"));
            }
        }
        if (!matches && named.isEmpty()) {
            named.add(new Problem(ids.first(), "CHANGED", "one of events " + ids + " no longer matches link " + sealNo));
        }
        problems.addAll(named);
    }

    /** The rows a page of links covers: one read of their span where it is compact, else one per link. */
    private Map<Long, AuditRecord> rowsOf(List<Object[]> links) {
        Map<Long, AuditRecord> rows = new HashMap<>();
        if (links.isEmpty()) {
            return rows;
        }
        long first = links.stream().mapToLong(l -> ((Number) l[1]).longValue()).min().orElseThrow();
        long last = links.stream().mapToLong(l -> ((Number) l[2]).longValue()).max().orElseThrow();
        if (last - first <= SPAN) {
            readInto(rows, first, last);
        } else {
            links.forEach(l -> readInto(rows, ((Number) l[1]).longValue(), ((Number) l[2]).longValue()));
        }
        return rows;
    }

    private void readInto(Map<Long, AuditRecord> rows, long first, long last) {
        for (Object row : em.createNativeQuery("SELECT " + AuditRecord.COLUMNS + " FROM audit_event e WHERE e.id BETWEEN ? AND ?")
                .setParameter(1, first).setParameter(2, last).getResultList()) {
            AuditRecord record = AuditRecord.read((Object[]) row);
            rows.put(record.id(), record);
        }
    }

    private AuditRecord row(long id) {
        return AuditRecord.read((Object[]) em.createNativeQuery("SELECT " + AuditRecord.COLUMNS + " FROM audit_event e WHERE e.id = ?")
                .setParameter(1, id).getSingleResult());
    }

    /** The ids the chain covers, as merged ranges: a trail of millions is a few thousand ranges where ids have gaps. */
    private static final class CoveredIds {
        private final TreeMap<Long, Long> ranges = new TreeMap<>();

        void add(EventIds ids) {
            for (long[] range : ids.ranges()) {
                long from = range[0];
                long to = range[1];
                Map.Entry<Long, Long> before = ranges.floorEntry(from);
                if (before != null && before.getValue() >= from - 1) {
                    from = before.getKey();
                    to = Math.max(to, before.getValue());
                }
                for (Map.Entry<Long, Long> next = ranges.ceilingEntry(from); next != null && next.getKey() <= to + 1;
                     next = ranges.ceilingEntry(from)) {
                    to = Math.max(to, next.getValue());
                    ranges.remove(next.getKey());
                }
                ranges.put(from, to);
            }
        }

        boolean contains(long id) {
            Map.Entry<Long, Long> range = ranges.floorEntry(id);
            return range != null && range.getValue() >= id;
        }
    }

    private boolean macValid(AuditRecord record, long macFrom) {
        if (record.id() < macFrom && record.mac() == null) {
            return true; // written before rows were signed; the chain alone protects it
        }
        return record.mac() != null && record.mac().equals(key.mac(record.canonical()));
    }
}
