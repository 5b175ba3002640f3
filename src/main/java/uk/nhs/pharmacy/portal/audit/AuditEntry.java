package uk.nhs.pharmacy.portal.audit;

import uk.nhs.pharmacy.portal.security.Actor;

import java.util.Objects;

/**
 * One entry for the audit trail: who did what to which target, in which organisation (null for
 * national matters, which only the national team's search finds), the change, and why. {@code by} is
 * the acting {@link Actor} where the caller has it: whom a deputy acts for is then read from the
 * appointments it carries, not looked up again.
 */
public record AuditEntry(String actor, AuditAction action, AuditTarget target, Long organisationId, Change change,
                         String reason, Actor by) {

    public AuditEntry(String actor, AuditAction action, AuditTarget target, Long organisationId, Change change,
                      String reason) {
        this(actor, action, target, organisationId, change, reason, null);
    }

    public static AuditEntry by(Actor actor, AuditAction action, AuditTarget target, Long organisationId,
                                Change change, String reason) {
        return new AuditEntry(actor.username(), action, target, organisationId, change, reason, actor);
    }

    public AuditEntry {
        Objects.requireNonNull(actor, "an audit entry names who acted");
        Objects.requireNonNull(action, "an audit entry names what they did");
        Objects.requireNonNull(target, "an audit entry names what it was done to");
        change = change == null ? Change.NONE : change;
    }
}
