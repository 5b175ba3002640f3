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
import java.util.List;

/**
 * Seals committed audit events into a hash chain, in seal order, after their transactions have
 * committed: hash(n) = SHA-256(hash(n - 1) | the event's canonical form | its MAC). Done in the
 * background, so no grant waits on a lock at the head of the chain. Events commit out of id order
 * (ids are handed out in blocks), so each run looks back {@code window} ids behind the last sealed
 * one for late commits.
 */
@ApplicationScoped
public class AuditSeal {

    static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 1000;
    private static final int INSERT_ROWS = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portal.audit.seal.window", defaultValue = "5000")
    long window;

    /** The last link of the chain. */
    public record Head(long sealNo, long eventId, String hash) {
    }

    /** Seals what has committed since the last run; returns how many events it sealed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sealCommitted() {
        Head head = head();
        Number highest = (Number) em.createNativeQuery("SELECT MAX(event_id) FROM audit_seal").getSingleResult();
        long from = highest == null ? 0 : Math.max(0, highest.longValue() - window);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + AuditRecord.COLUMNS + " FROM audit_event e WHERE e.id > ? "
                        + "AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id) ORDER BY e.id")
                .setParameter(1, from).setMaxResults(BATCH).getResultList();
        long sealNo = head.sealNo();
        String hash = head.hash();
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> links = new java.util.ArrayList<>(rows.size());
        for (Object[] row : rows) {
            AuditRecord record = AuditRecord.read(row);
            sealNo++;
            hash = link(hash, record);
            links.add(new Object[] {sealNo, record.id(), hash});
        }
        for (int start = 0; start < links.size(); start += INSERT_ROWS) {
            insert(links.subList(start, Math.min(links.size(), start + INSERT_ROWS)), now);
        }
        return rows.size();
    }

    /** One multi-row INSERT per chunk (H2 and MySQL both take it): a statement per link made sealing cost grants. */
    private void insert(List<Object[]> links, Timestamp now) {
        var query = em.createNativeQuery("INSERT INTO audit_seal (seal_no, event_id, hash, sealed_at) VALUES "
                + String.join(", ", java.util.Collections.nCopies(links.size(), "(?, ?, ?, ?)")));
        int p = 1;
        for (Object[] link : links) {
            query.setParameter(p++, link[0]).setParameter(p++, link[1]).setParameter(p++, link[2]).setParameter(p++, now);
        }
        query.executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Head head() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT seal_no, event_id, hash FROM audit_seal ORDER BY seal_no DESC")
                .setMaxResults(1).getResultList();
        return rows.isEmpty() ? new Head(0, 0, GENESIS)
                : new Head(((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).longValue(), (String) rows.get(0)[2]);
    }

    static String link(String previous, AuditRecord record) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '|');
            sha.update(record.canonical());
            sha.update(String.valueOf(record.mac()).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
