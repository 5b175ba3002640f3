package uk.nhs.pharmacy.portal.onboarding;

import uk.nhs.pharmacy.portal.audit.AuditAction;
import uk.nhs.pharmacy.portal.audit.AuditEntry;
import uk.nhs.pharmacy.portal.audit.AuditTarget;
import uk.nhs.pharmacy.portal.audit.AuditTargetType;
import uk.nhs.pharmacy.portal.audit.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import uk.nhs.pharmacy.portal.platform.Reason;
import uk.nhs.pharmacy.portal.account.AccountRepository;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.MailboxRepository;
import uk.nhs.pharmacy.portal.mailbox.MailboxService;
import uk.nhs.pharmacy.portal.mailbox.MailboxStatus;
import uk.nhs.pharmacy.portal.mailbox.Permission;
import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.provisioning.ProvisioningKind;
import uk.nhs.pharmacy.portal.provisioning.ProvisioningOutbox;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Brings a premises' legacy mailbox (a non-conforming shared mailbox, or a personal-style account
 * people log into) to the conforming model, in one transaction with each step audited:
 * 1. the conforming premises mailbox is created; 2. the people who used the legacy one are linked
 * through their own personal accounts, the first as owner; 3. the legacy account is closed, its
 * delegations revoked.
 */
@ApplicationScoped
@Transactional
public class LegacyConversion {

    /** What a conversion did. */
    public record Result(SharedMailbox mailbox, List<String> linked, String closed) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    OrganisationRepository organisations;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    MailboxService mailboxService;

    @Inject
    AccountRepository accounts;

    @Inject
    ProvisioningOutbox outbox;

    @Inject
    Authorizer authorizer;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The people with live access to the premises' legacy mailbox: who to link by default. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> currentUsers(@NotNull Actor actor, long premisesId) {
        Organisation premises = premises(actor, premisesId);
        return legacyOf(premises).map(m -> mailboxes.liveDelegations(m.getId(), clock.instant()).stream()
                .map(d -> d.getAccount().getAddress().value()).toList()).orElse(List.of());
    }

    public Result convert(@NotNull Actor actor, long premisesId, @NotNull List<String> people, @Reason String reason) {
        Organisation premises = premises(actor, premisesId);
        SharedMailbox legacy = legacyOf(premises).orElseThrow(() -> RuleViolation.because("refusal.onboarding.hasNoLegacyMailbox", premises.getOdsCode()));
        List<PersonalAccount> linked = new ArrayList<>();
        for (String address : new LinkedHashSet<>(people)) {
            if (address == null || address.isBlank()) {
                continue;
            }
            MailAddress parsed = MailAddress.of(address);
            linked.add(accounts.findByAddress(parsed).orElseThrow(() -> RuleViolation.because("refusal.onboarding.noPersonalAccount", parsed)));
        }
        if (linked.isEmpty()) {
            throw RuleViolation.because("refusal.onboarding.nameThePeopleWho", legacy.getAddress());
        }
        Instant now = clock.instant();
        String step = "Legacy conversion of " + legacy.getAddress() + ": ";

        SharedMailbox conforming;
        boolean inPlace = legacy.isConvention();
        List<Delegation> oldAccess = mailboxes.liveDelegations(legacy.getId(), now);
        if (inPlace) {
            legacy.conform();
            conforming = legacy;
            audit.record(AuditEntry.by(actor, AuditAction.LEGACY_CONFORMED,
                    new AuditTarget(AuditTargetType.MAILBOX, legacy.getId(), legacy.getAddress().value()), premisesId,
                    Change.of(MailboxStatus.LEGACY_NON_CONFORMING.name(), MailboxStatus.ACTIVE.name()), step + reason));
        } else {
            conforming = SharedMailbox.conforming(premises, now);
            mailboxes.add(conforming);
            em.flush();
            audit.record(AuditEntry.by(actor, AuditAction.MAILBOX_CREATED,
                    new AuditTarget(AuditTargetType.MAILBOX, conforming.getId(), conforming.getAddress().value()), premisesId,
                    Change.to(conforming.getAddress() + " " + conforming.getStatus()), step + "1. conforming mailbox. " + reason));
            outbox.record(conforming.getId(), conforming.getAddress().value(), null, ProvisioningKind.MAILBOX_CREATED, null,
                    actor.username());
        }

        List<String> done = new ArrayList<>();
        boolean owner = true;
        for (PersonalAccount account : linked) {
            if (inPlace && mailboxes.hasLiveDelegation(conforming.getId(), account.getId(), now)) {
                done.add(account.getAddress().value() + " (kept)");
                owner = false;
                continue;
            }
            mailboxService.grant(actor, conforming.getId(), account.getId(), EnumSet.of(Permission.FULL_ACCESS, Permission.SEND_AS),
                    owner, null, step + "2. linked through their own account. " + reason);
            done.add(account.getAddress().value() + (owner ? " (owner)" : ""));
            owner = false;
        }

        String closed = null;
        if (!inPlace) {
            for (Delegation d : oldAccess) {
                mailboxService.revoke(actor, d.getId(), step + "3. legacy account closed. " + reason, true);
            }
            legacy.close();
            closed = legacy.getAddress().value();
            audit.record(AuditEntry.by(actor, AuditAction.LEGACY_CLOSED,
                    new AuditTarget(AuditTargetType.MAILBOX, legacy.getId(), closed), premisesId,
                    Change.of(MailboxStatus.LEGACY_NON_CONFORMING.name(), MailboxStatus.CLOSED.name()), step + "3. closed. " + reason));
        }
        audit.record(AuditEntry.by(actor, AuditAction.LEGACY_CONVERTED,
                new AuditTarget(AuditTargetType.ORGANISATION, premisesId, premises.getOdsCode().value()), premisesId,
                Change.of(legacy.getAddress().value(), conforming.getAddress() + "; linked " + String.join(", ", done)), reason));
        return new Result(conforming, done, closed);
    }

    private Organisation premises(Actor actor, long premisesId) {
        Organisation premises = organisations.find(premisesId).orElseThrow(() -> RuleViolation.because("refusal.common.noPremises", premisesId));
        authorizer.check(actor, Action.MANAGE_ACCESS, premises);
        return premises;
    }

    private java.util.Optional<SharedMailbox> legacyOf(Organisation premises) {
        return mailboxes.findOpenForPremises(premises.getId()).filter(m -> m.getStatus() == MailboxStatus.LEGACY_NON_CONFORMING);
    }
}
