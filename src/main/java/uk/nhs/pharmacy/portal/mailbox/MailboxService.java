package uk.nhs.pharmacy.portal.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import uk.nhs.pharmacy.portal.account.AccountRepository;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Grant and revoke: the rules hold here, whichever channel (screen, REST, batch) calls. Each
 * change and its audit event commit together or not at all.
 */
@ApplicationScoped
@Transactional
public class MailboxService {

    public static final String TARGET_DELEGATION = "DELEGATION";

    @Inject
    MailboxRepository mailboxes;

    @Inject
    AccountRepository accounts;

    @Inject
    Authorizer authorizer;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public Delegation grant(@NotNull Actor actor, long mailboxId, long accountId,
                            @NotEmpty Set<Permission> permissions, boolean owner, Instant expiresAt,
                            @NotBlank String reason) {
        SharedMailbox mailbox = mailboxes.find(mailboxId)
                .orElseThrow(() -> new RuleViolation("No shared mailbox " + mailboxId));
        authorizer.check(actor, Action.MANAGE_ACCESS, mailbox.getPremises());
        PersonalAccount account = accounts.find(accountId)
                .orElseThrow(() -> new RuleViolation("No personal account " + accountId));
        if (actor.personalAccountId() != null && actor.personalAccountId() == accountId) {
            throw new RuleViolation("You cannot grant access to your own account; another administrator must");
        }
        if (!account.mayReceiveAccess()) {
            throw new RuleViolation(account.getAddress() + " is " + account.getStatus() + " and cannot be given access");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new RuleViolation("The expiry date must be in the future");
        }
        if (mailboxes.hasLiveDelegation(mailboxId, accountId, now)) {
            throw new RuleViolation(account.getAddress() + " already has access to " + mailbox.getAddress());
        }
        long[] counts = mailboxes.liveCounts(mailboxId, now);
        if (counts[0] >= SharedMailbox.MAX_MEMBERS) {
            throw new RuleViolation(mailbox.getAddress() + " already has " + SharedMailbox.MAX_MEMBERS + " members, NHSmail's limit");
        }
        if (owner && counts[1] >= SharedMailbox.MAX_OWNERS) {
            throw new RuleViolation(mailbox.getAddress() + " already has " + SharedMailbox.MAX_OWNERS + " owners, NHSmail's limit");
        }
        Delegation delegation;
        try {
            delegation = Delegation.grant(mailbox, account, permissions, owner, actor.username(), now, reason, expiresAt);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new RuleViolation(e.getMessage());
        }
        mailboxes.add(delegation);
        audit.record(actor.username(), "DELEGATION_GRANTED", TARGET_DELEGATION, delegation.getId(),
                account.getAddress().value(), mailbox.getPremises().getId(), null, delegation.describe(), reason);
        return delegation;
    }

    public Delegation revoke(@NotNull Actor actor, long delegationId, @NotBlank String reason) {
        Delegation delegation = mailboxes.findDelegation(delegationId)
                .orElseThrow(() -> new RuleViolation("No delegation " + delegationId));
        authorizer.check(actor, Action.MANAGE_ACCESS, delegation.getMailbox().getPremises());
        if (delegation.isRevoked()) {
            throw new RuleViolation("This access was already revoked at " + delegation.getRevokedAt());
        }
        String before = delegation.describe();
        delegation.revoke(actor.username(), clock.instant(), reason);
        audit.record(actor.username(), "DELEGATION_REVOKED", TARGET_DELEGATION, delegation.getId(),
                delegation.getAccount().getAddress().value(), delegation.getMailbox().getPremises().getId(),
                before, "revoked", reason);
        return delegation;
    }
}
