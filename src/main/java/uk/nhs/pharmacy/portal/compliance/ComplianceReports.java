package uk.nhs.pharmacy.portal.compliance;

import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The compliance reports as SQL over every premises in the reader's scope: each premises' facts
 * in a derived table, its standing worked out by a CASE, and the filter, count, order and page
 * applied by the database. National administrators see every premises, LOAs their scope, owners
 * their own contractor's premises.
 */
@ApplicationScoped
public class ComplianceReports {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(uk.nhs.pharmacy.portal.platform.UkTime.ZONE);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portal.gateway.reviewPoints", defaultValue = ReviewPoint.DEFAULTS)
    String reviewPointsText;

    public List<ReviewPoint> reviewPoints() {
        return ReviewPoint.parse(reviewPointsText);
    }

    /** One page of the report, each row its cells as text, the standing last. */
    public List<List<String>> page(Actor actor, ReportQuery query, int first, int max) {
        Query sql = bind(em.createNativeQuery("SELECT * FROM (" + withOutcome(actor, query) + ") u" + filter(query)
                + " ORDER BY u.ods_code"), query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.setFirstResult(first).setMaxResults(max).getResultList();
        return rows.stream().map(r -> cells(query.kind(), r)).toList();
    }

    public long count(Actor actor, ReportQuery query) {
        return ((Number) bind(em.createNativeQuery("SELECT COUNT(*) FROM (" + withOutcome(actor, query) + ") u"
                + filter(query)), query).getSingleResult()).longValue();
    }

    /** How many premises have each standing (filters other than the standing apply). */
    public Map<String, Long> summary(Actor actor, ReportQuery query) {
        ReportQuery all = new ReportQuery(query.kind(), query.reviewPoint(), null, query.numsasOnly());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("SELECT u.outcome, COUNT(*) FROM (" + withOutcome(actor, all)
                + ") u GROUP BY u.outcome"), all).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        query.kind().outcomes().forEach(o -> counts.put(o, 0L));
        rows.forEach(r -> counts.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
        return counts;
    }

    /**
     * Every row of the report, for an export, from one query: paging would run the whole derived
     * table again for each page. A report has at most one row per premises (11,500 nationally).
     */
    public void forEachRow(Actor actor, ReportQuery query, Consumer<List<String>> sink) {
        page(actor, query, 0, Integer.MAX_VALUE).forEach(sink);
    }

    private String filter(ReportQuery query) {
        return query.outcome() == null ? "" : " WHERE u.outcome = ?9";
    }

    private Query bind(Query sql, ReportQuery query) {
        switch (query.kind()) {
            case GATEWAY -> {
                ReviewPoint point = point(query);
                sql.setParameter(1, Timestamp.from(point.activeBefore()));
                sql.setParameter(2, Timestamp.from(point.appliedBefore() == null ? Instant.EPOCH : point.appliedBefore()));
            }
            case MINIMUM -> sql.setParameter(1, Timestamp.from(clock.instant()));
            default -> { }
        }
        if (query.outcome() != null) {
            sql.setParameter(9, query.outcome());
        }
        return sql;
    }

    public ReviewPoint point(ReportQuery query) {
        List<ReviewPoint> points = reviewPoints();
        return points.get(Math.max(0, Math.min(points.size() - 1, query.reviewPoint())));
    }

    private String withOutcome(Actor actor, ReportQuery query) {
        String premises = "FROM organisation o LEFT JOIN organisation a ON a.id = o.area_id WHERE o.kind = 'PREMISES' AND "
                + ScopeQuery.sqlCondition(actor, "o") + (query.numsasOnly() ? " AND o.numsas = TRUE" : "");
        return switch (query.kind()) {
            case GATEWAY -> "SELECT t.*, CASE WHEN t.mailbox_since < ?1 THEN 'MAILBOX_ACTIVE' "
                    + "WHEN t.applied_at < ?2 THEN 'APPLIED_IN_TIME' ELSE 'NOT_QUALIFIED' END AS outcome FROM ("
                    + "SELECT o.ods_code, o.name, a.name AS area_name, "
                    + "(SELECT MIN(m.created_at) FROM shared_mailbox m WHERE m.premises_id = o.id AND m.status <> 'REQUESTED') AS mailbox_since, "
                    + "(SELECT MIN(r.received_at) FROM registration_request r WHERE r.ods_code = o.ods_code AND r.state <> 'REJECTED') AS applied_at "
                    + premises + ") t";
            case NUMSAS -> "SELECT t.*, CASE WHEN t.mailbox IS NOT NULL THEN 'READY' ELSE 'NOT_READY' END AS outcome FROM ("
                    + "SELECT o.ods_code, o.name, a.name AS area_name, o.numsas, "
                    + "(SELECT MIN(m.address) FROM shared_mailbox m WHERE m.premises_id = o.id AND m.status = 'ACTIVE') AS mailbox "
                    + premises + ") t";
            case MINIMUM -> "SELECT t.*, CASE WHEN t.live_accounts < " + SharedMailbox.MIN_LIVE_ACCOUNTS + " AND t.owners = 0 THEN 'FEWER_THAN_2_AND_NO_OWNER' "
                    + "WHEN t.live_accounts < " + SharedMailbox.MIN_LIVE_ACCOUNTS + " THEN 'FEWER_THAN_2' ELSE 'NO_OWNER' END AS outcome FROM ("
                    + "SELECT o.ods_code, o.name, a.name AS area_name, m.address, "
                    + "(SELECT COUNT(*) FROM delegation d " + Delegation.BY_MAILBOX_INDEX + "WHERE d.mailbox_id = m.id AND " + Delegation.liveSql("d", "?1") + ") AS live_accounts, "
                    + "(SELECT COUNT(*) FROM delegation d " + Delegation.BY_MAILBOX_INDEX + "WHERE d.mailbox_id = m.id AND " + Delegation.liveSql("d", "?1")
                    + " AND d.mailbox_owner = TRUE) AS owners "
                    + premises.replace("FROM organisation o ", "FROM organisation o JOIN shared_mailbox m ON m.premises_id = o.id "
                    + "AND m.status IN ('ACTIVE', 'LEGACY_NON_CONFORMING') ") + ") t WHERE t.live_accounts < " + SharedMailbox.MIN_LIVE_ACCOUNTS + " OR t.owners = 0";
        };
    }

    private static List<String> cells(ReportKind kind, Object[] row) {
        List<String> cells = new ArrayList<>(row.length);
        for (int i = 0; i < row.length; i++) {
            boolean isNumsasColumn = kind == ReportKind.NUMSAS && i == 3;
            cells.add(isNumsasColumn ? (truthy(row[i]) ? "yes" : "no") : text(row[i]));
        }
        return cells;
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Timestamp t) {
            return WHEN.format(t.toInstant());
        }
        if (value instanceof LocalDateTime t) {
            return WHEN.format(t.toInstant(ZoneOffset.UTC));
        }
        return String.valueOf(value);
    }
}
