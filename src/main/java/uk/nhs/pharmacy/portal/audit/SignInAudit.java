package uk.nhs.pharmacy.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.security.SecurityEvent;

/**
 * Every sign-in, failed or refused sign-in and unlock goes into the audit trail, in the transaction
 * that recorded it. They belong to no organisation, so only the national team's search finds them.
 */
@ApplicationScoped
public class SignInAudit {

    @Inject
    AuditLog audit;

    void record(@Observes SecurityEvent event) {
        audit.record(new AuditEntry(event.actor(), AuditAction.valueOf(event.action()),
                new AuditTarget(AuditTargetType.USER, null, event.username()), null,
                Change.to(event.detail()), null));
    }
}
