package uk.nhs.pharmacy.portal.audit;

import uk.nhs.pharmacy.portal.platform.SqlValues;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An audit row as the database holds it, in the one canonical form that its MAC and its link in the
 * seal chain are computed over: every field length-prefixed (so no two rows share a form), the time
 * to the second (what every supported database keeps).
 */
record AuditRecord(long id, Instant occurredAt, String actor, String action, String targetType, Long targetId,
                   String targetLabel, Long organisationId, String before, String after, String reason, String mac,
                   String actingFor) {

    static AuditRecord of(AuditEvent e, String mac) {
        return new AuditRecord(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getTargetType(), e.getTargetId(),
                e.getTargetLabel(), e.getOrganisationId(), e.getBefore(), e.getAfter(), e.getReason(), mac, e.getActingFor());
    }

    byte[] canonical() {
        StringBuilder s = new StringBuilder();
        for (Object field : new Object[]{id, occurredAt == null ? null : occurredAt.getEpochSecond(), actor, action, targetType,
                targetId, targetLabel, organisationId, before, after, reason}) {
            String text = field == null ? null : field.toString();
            s.append(text == null ? "-" : text.length() + ":" + text).append('|');
        }
        if (actingFor != null) { // only rows a deputy wrote have it, so older rows keep their form
            s.append("for=").append(actingFor.length()).append(':').append(actingFor).append('|');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The columns, in the order {@link #read} expects them. */
    static final String COLUMNS = "id, occurred_at, actor, action, target_type, target_id, target_label, organisation_id, "
            + "before_state, after_state, reason, mac, acting_for";

    static AuditRecord read(Object[] row) {
        return new AuditRecord(((Number) row[0]).longValue(), SqlValues.instant(row[1]), (String) row[2], (String) row[3],
                (String) row[4], row[5] == null ? null : ((Number) row[5]).longValue(), (String) row[6],
                row[7] == null ? null : ((Number) row[7]).longValue(), (String) row[8], (String) row[9], (String) row[10],
                (String) row[11], (String) row[12]);
    }
}
