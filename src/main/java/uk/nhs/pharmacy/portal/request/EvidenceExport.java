package uk.nhs.pharmacy.portal.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import uk.nhs.pharmacy.portal.audit.AuditEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every access change at one premises in a period, with who asked for it, who approved it and
 * when: owners' requests (including rejected and withdrawn ones) and the changes LOAs made
 * directly (asked and approved by the same person). For a pharmacy's data-security return.
 */
@ApplicationScoped
public class EvidenceExport {

    public static final String HEADER = "when,change,person,requested_by,requested_at,decided_by,decided_at,outcome,reason";
    private static final int MAX_ROWS = 50_000;

    @PersistenceContext
    EntityManager em;

    public record Line(Instant when, String change, String person, String requestedBy, Instant requestedAt,
                       String decidedBy, Instant decidedAt, String outcome, String reason) {
    }

    public List<Line> lines(long premisesId, Instant from, Instant to) {
        List<Line> lines = new ArrayList<>();
        for (AccessRequest r : em.createQuery("select r from AccessRequest r where r.premises.id = :p "
                        + "and r.requestedAt >= :from and r.requestedAt < :to order by r.requestedAt", AccessRequest.class)
                .setParameter("p", premisesId).setParameter("from", from).setParameter("to", to)
                .setMaxResults(MAX_ROWS).getResultList()) {
            lines.add(new Line(r.getDecidedAt() == null ? r.getRequestedAt() : r.getDecidedAt(),
                    "REQUEST_" + r.getKind(), r.subjectName(), r.getRequestedBy(), r.getRequestedAt(), r.getDecidedBy(),
                    r.getDecidedAt(), r.getState() + (r.getResult() == null ? "" : ": " + r.getResult()),
                    r.getReason() + (r.getDecisionReason() == null ? "" : " / " + r.getDecisionReason())));
        }
        for (AuditEvent e : em.createQuery("select e from AuditEvent e where e.organisationId = :p and e.occurredAt >= :from "
                        + "and e.occurredAt < :to and e.targetType = 'DELEGATION' and (e.reason is null or e.reason not like "
                        + "'Request #%') order by e.occurredAt", AuditEvent.class)
                .setParameter("p", premisesId).setParameter("from", from).setParameter("to", to)
                .setMaxResults(MAX_ROWS).getResultList()) {
            lines.add(new Line(e.getOccurredAt(), e.getAction(), e.getTargetLabel(), e.getActor(), e.getOccurredAt(),
                    e.getActor(), e.getOccurredAt(), e.getAfter(), e.getReason()));
        }
        lines.sort(Comparator.comparing(Line::when));
        return lines;
    }
}
