package uk.nhs.pharmacy.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Seals committed audit events into a hash chain after their transactions have committed, one link
 * per sealing run over the block of events it found: hash(n) = SHA-256(hash(n - 1) | each event's
 * canonical form and MAC, in id order), with the ids it covers kept in the link so that the verifier
 * can name a deleted or inserted row. Done in the background, so no grant waits on a lock at the head
 * of the chain; one row per run, not one per event, so sealing does not double the audit writes.
 * Events commit out of id order (ids are handed out in blocks), so each run looks back
 * {@code window} ids behind the highest sealed one for late commits.
 */
@ApplicationScoped
public class AuditSeal {

    static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 5000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portal.audit.seal.window", defaultValue = "5000")
    long window;

    /** The last link of the chain: its number, the highest event id it covers, its hash. */
    public record Head(long sealNo, long eventId, String hash) {
    }

    /** What one sealing run did: the events it sealed, and whether committed events were left for another run. */
    public record Sealed(int events, boolean more) {
    }

    /** Seals what has committed since the last run as one link. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Sealed sealCommitted() {
        Head head = head();
        long from = Math.max(0, lookBackFrom() - window);
        List<EventIds> recent = new ArrayList<>();
        for (Object ids : em.createNativeQuery("SELECT event_ids FROM audit_seal_block WHERE last_event_id > ?")
                .setParameter(1, from).getResultList()) {
            recent.add(EventIds.parse((String) ids));
        }
        List<Long> unsealed = new ArrayList<>();
        for (Object id : em.createNativeQuery("SELECT id FROM audit_event WHERE id > ? ORDER BY id")
                .setParameter(1, from).setMaxResults((int) Math.min(Integer.MAX_VALUE - BATCH, window) + BATCH).getResultList()) {
            long eventId = ((Number) id).longValue();
            if (recent.stream().noneMatch(ids -> ids.contains(eventId)) && unsealed.size() < BATCH) {
                unsealed.add(eventId);
            }
        }
        List<AuditRecord> found = read(unsealed);
        List<AuditRecord> block = fitting(found);
        if (block.isEmpty()) {
            return new Sealed(0, false);
        }
        EventIds ids = EventIds.of(block.stream().map(AuditRecord::id).toList());
        em.createNativeQuery("INSERT INTO audit_seal_block (seal_no, first_event_id, last_event_id, event_ids, event_count, hash, "
                        + "sealed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, head.sealNo() + 1).setParameter(2, ids.first()).setParameter(3, ids.last())
                .setParameter(4, ids.toString()).setParameter(5, block.size()).setParameter(6, hash(head.hash(), block))
                .setParameter(7, Timestamp.from(clock.instant())).executeUpdate();
        return new Sealed(block.size(), unsealed.size() == BATCH || block.size() < found.size());
    }

    /**
     * Where the look-back for late commits starts: the highest sealed id, but no higher than the ids
     * the portal has handed out, so a row inserted behind its back with a huge id cannot stop the
     * sealing of the rows that follow (it is sealed, and the verifier names it).
     */
    private long lookBackFrom() {
        Number highest = (Number) em.createNativeQuery("SELECT MAX(last_event_id) FROM audit_seal_block").getSingleResult();
        Number issued = (Number) em.createNativeQuery("SELECT next_value FROM id_generator WHERE name = 'audit_event'").getSingleResult();
        return Math.min(highest == null ? 0 : highest.longValue(), issued.longValue());
    }

    /** The rows of these ids that exist, in id order: one range read, since they lie close together. */
    private List<AuditRecord> read(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<Long> wanted = new HashSet<>(ids);
        List<AuditRecord> records = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT " + AuditRecord.COLUMNS + " FROM audit_event e WHERE e.id BETWEEN ? AND ? "
                + "ORDER BY e.id").setParameter(1, ids.get(0)).setParameter(2, ids.get(ids.size() - 1)).getResultList()) {
            AuditRecord record = AuditRecord.read((Object[]) row);
            if (wanted.contains(record.id())) {
                records.add(record);
            }
        }
        return records;
    }

    /** The longest prefix whose ids fit a link's column (gaps in the ids make the text longer). */
    private static List<AuditRecord> fitting(List<AuditRecord> records) {
        List<AuditRecord> block = records;
        while (!block.isEmpty() && EventIds.of(block.stream().map(AuditRecord::id).toList()).toString().length() > EventIds.MAX_TEXT) {
            block = block.subList(0, block.size() / 2);
        }
        return block;
    }

    /** Whether a link of the chain covers this event. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean covers(long eventId) {
        return em.createNativeQuery("SELECT event_ids FROM audit_seal_block WHERE first_event_id <= ? AND last_event_id >= ?")
                .setParameter(1, eventId).setParameter(2, eventId).getResultList().stream()
                .anyMatch(ids -> EventIds.parse((String) ids).contains(eventId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Head head() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT seal_no, last_event_id, hash FROM audit_seal_block ORDER BY seal_no DESC")
                .setMaxResults(1).getResultList();
        return rows.isEmpty() ? new Head(0, 0, GENESIS)
                : new Head(((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).longValue(), (String) rows.get(0)[2]);
    }

    /** A link's hash over its events in id order; over one event it is the hash a link had when it held one. */
    static String hash(String previous, List<AuditRecord> records) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '|');
            for (AuditRecord record : records) {
                sha.update(record.canonical());
                sha.update(String.valueOf(record.mac()).getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
