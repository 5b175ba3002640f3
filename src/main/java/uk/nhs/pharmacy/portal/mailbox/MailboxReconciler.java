package uk.nhs.pharmacy.portal.mailbox;

import uk.nhs.pharmacy.portal.audit.AuditAction;
import uk.nhs.pharmacy.portal.audit.AuditEntry;
import uk.nhs.pharmacy.portal.audit.AuditTarget;
import uk.nhs.pharmacy.portal.audit.AuditTargetType;
import uk.nhs.pharmacy.portal.audit.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.provisioning.MailPlatform;
import uk.nhs.pharmacy.portal.provisioning.PlatformSettings;
import uk.nhs.pharmacy.portal.provisioning.Reconciliation;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reconciliation of one mailbox: the portal's live access against the platform's rights. Reading
 * the report needs the premises in view; repairing needs the right to manage its access, and is audited.
 */
@ApplicationScoped
public class MailboxReconciler {

    @Inject
    MailboxRepository mailboxes;

    @Inject
    Reconciliation reconciliation;

    @Inject
    PlatformSettings settings;

    @Inject
    Authorizer authorizer;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public List<Reconciliation.Drift> check(Actor actor, SharedMailbox mailbox, boolean repair, String reason) {
        authorizer.check(actor, repair ? Action.MANAGE_ACCESS : Action.VIEW, mailbox.getPremises());
        if (!settings.isConfigured()) {
            throw RuleViolation.because("refusal.mailbox.noMailPlatformIs");
        }
        Map<String, Set<String>> expected = new HashMap<>();
        for (Delegation d : mailboxes.liveDelegations(mailbox.getId(), clock.instant())) {
            Set<String> rights = new TreeSet<>();
            d.getPermissions().forEach(p -> rights.add(p.name()));
            if (d.isOwner()) {
                rights.add("OWNER");
            }
            expected.put(d.getAccount().getAddress().value(), rights);
        }
        try {
            List<Reconciliation.Drift> drift = reconciliation.compare(mailbox.getAddress().value(), expected);
            if (repair && !drift.isEmpty()) {
                reconciliation.repair(mailbox.getAddress().value(), drift);
                audit.record(AuditEntry.by(actor, AuditAction.PLATFORM_DRIFT_REPAIRED,
                        new AuditTarget(AuditTargetType.MAILBOX, mailbox.getId(), mailbox.getAddress().value()), mailbox.getPremises().getId(),
                        Change.of(drift.toString(), "platform set to the portal's access"), reason == null ? "Reconciliation" : reason));
            }
            return drift;
        } catch (MailPlatform.PlatformException e) {
            throw RuleViolation.because("refusal.mailbox.theMailPlatformCould", e.getMessage());
        }
    }
}
