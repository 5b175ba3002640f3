package uk.nhs.pharmacy.portal.audit;

import java.util.Objects;

/**
 * One entry for the audit trail: who did what to which target, in which organisation (null for
 * national matters, which only the national team's search finds), the change, and why.
 */
public record AuditEntry(String actor, AuditAction action, AuditTarget target, Long organisationId, Change change,
                         String reason) {

    public AuditEntry {
        Objects.requireNonNull(actor, "an audit entry names who acted");
        Objects.requireNonNull(action, "an audit entry names what they did");
        Objects.requireNonNull(target, "an audit entry names what it was done to");
        change = change == null ? Change.NONE : change;
    }
}
