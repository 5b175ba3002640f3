package uk.nhs.pharmacy.portal.onboarding;

import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Onboarding progress per phase and per area: requests received, premises with a mailbox, and
 * mailboxes active with at least 2 live linked accounts. Three grouped queries over all premises.
 */
@ApplicationScoped
public class PhaseProgress {

    /** One row of progress; {@code premises} is how many premises the phase or area holds. */
    public record Row(Long phaseId, String phase, Long areaId, String area, long premises, long requests,
                      long provisioned, long activeWithTwo) implements Serializable {
        public int percentActive() {
            return premises == 0 ? 0 : (int) (100 * activeWithTwo / premises);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Authorizer authorizer;

    @Inject
    Clock clock;

    /** Per area (areas that have premises), ordered by phase then area name. */
    public List<Row> byArea(Actor actor) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        Map<Long, long[]> counts = new LinkedHashMap<>();
        Map<Long, Object[]> areas = new LinkedHashMap<>();
        for (Object[] r : rows("SELECT o.area_id, a.name, p.id, p.name, COUNT(*) FROM organisation o "
                + "JOIN organisation a ON a.id = o.area_id LEFT JOIN phase p ON p.id = o.phase_id "
                + "WHERE o.kind = 'PREMISES' GROUP BY o.area_id, a.name, p.id, p.name")) {
            Long area = ((Number) r[0]).longValue();
            areas.put(area, r);
            counts.computeIfAbsent(area, k -> new long[4])[0] += ((Number) r[4]).longValue();
        }
        for (Object[] r : rows("SELECT r.area_id, COUNT(*) FROM registration_request r WHERE r.area_id IS NOT NULL GROUP BY r.area_id")) {
            add(counts, r, 1);
        }
        for (Object[] r : rows("SELECT o.area_id, COUNT(DISTINCT o.id) FROM organisation o JOIN shared_mailbox m ON m.premises_id = o.id "
                + "AND m.status = 'ACTIVE' WHERE o.kind = 'PREMISES' GROUP BY o.area_id")) {
            add(counts, r, 2);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> activeWithTwo = em.createNativeQuery("SELECT o.area_id, COUNT(DISTINCT o.id) FROM organisation o "
                        + "JOIN shared_mailbox m ON m.premises_id = o.id AND m.status = 'ACTIVE' WHERE o.kind = 'PREMISES' "
                        + "AND (SELECT COUNT(*) FROM delegation d " + Delegation.BY_MAILBOX_INDEX + "WHERE d.mailbox_id = m.id AND " + Delegation.liveSql("d", "?1") + ") >= "
                        + SharedMailbox.MIN_LIVE_ACCOUNTS + " GROUP BY o.area_id")
                .setParameter(1, Timestamp.from(clock.instant())).getResultList();
        for (Object[] r : activeWithTwo) {
            add(counts, r, 3);
        }
        List<Row> result = new ArrayList<>();
        counts.forEach((area, c) -> {
            Object[] a = areas.get(area);
            if (a != null) {
                result.add(new Row(a[2] == null ? null : ((Number) a[2]).longValue(), (String) a[3], area, (String) a[1],
                        c[0], c[1], c[2], c[3]));
            }
        });
        result.sort(java.util.Comparator.comparing((Row r) -> r.phase() == null ? "~" : r.phase()).thenComparing(Row::area));
        return result;
    }

    /** Per phase: the sum of its areas; premises in no phase are one row at the end. */
    public List<Row> byPhase(List<Row> areaRows) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Row r : areaRows) {
            String phase = r.phase() == null ? "" : r.phase();
            long[] s = sums.computeIfAbsent(phase, k -> new long[4]);
            ids.put(phase, r.phaseId());
            s[0] += r.premises();
            s[1] += r.requests();
            s[2] += r.provisioned();
            s[3] += r.activeWithTwo();
        }
        List<Row> result = new ArrayList<>();
        sums.forEach((phase, s) -> result.add(new Row(ids.get(phase), phase, null, null, s[0], s[1], s[2], s[3])));
        return result;
    }

    private static void add(Map<Long, long[]> counts, Object[] row, int index) {
        if (row[0] != null) {
            counts.computeIfAbsent(((Number) row[0]).longValue(), k -> new long[4])[index] += ((Number) row[1]).longValue();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }
}
