package uk.nhs.pharmacy.portal.mailbox;

import uk.nhs.pharmacy.portal.audit.AuditAction;
import uk.nhs.pharmacy.portal.audit.AuditEntry;
import uk.nhs.pharmacy.portal.audit.AuditTarget;
import uk.nhs.pharmacy.portal.audit.AuditTargetType;
import uk.nhs.pharmacy.portal.audit.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import uk.nhs.pharmacy.portal.platform.Reason;
import uk.nhs.pharmacy.portal.account.AccountRepository;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.UkTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pharmacy.portal.provisioning.ProvisioningKind;
import uk.nhs.pharmacy.portal.provisioning.ProvisioningOutbox;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.OrganisationPlace;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Grant and revoke: the rules hold here, whichever channel (screen, REST, batch) calls. Each
 * change and its audit event commit together or not at all.
 */
@ApplicationScoped
@Transactional
public class MailboxService {

    private static final Actor EXPIRY_SWEEP = Actor.system("expiry-sweep");


    @Inject
    MailboxRepository mailboxes;

    @Inject
    AccountRepository accounts;

    @Inject
    OrganisationRepository organisations;

    @Inject
    MailboxQueries queries;

    @Inject
    Authorizer authorizer;

    @Inject
    ProvisioningOutbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** How many months ahead an owner may set the last day of time-limited access. */
    @Inject
    @ConfigProperty(name = "portal.owner.lastDay.maxMonths", defaultValue = "12")
    int ownerLastDayBound;

    /**
     * Grants at a premises by its ODS code, to a person by address (the JSON API's grant): the lookups
     * share the grant's transaction, so nothing is read twice. Out of scope answers as missing.
     */
    public Delegation grantAt(@NotNull Actor actor, @NotNull OdsCode odsCode, @NotNull MailAddress accountAddress,
                              @NotEmpty Set<Permission> permissions, boolean owner, LocalDate lastDay,
                              @Reason String reason) {
        Organisation premises = queries.visiblePremises(actor, odsCode).orElseThrow(NotFound::new);
        SharedMailbox mailbox = queries.openMailbox(premises)
                .orElseThrow(() -> RuleViolation.because("refusal.common.hasNoSharedMailbox", premises.getOdsCode()));
        PersonalAccount account = accounts.findByAddress(accountAddress)
                .orElseThrow(() -> RuleViolation.because("refusal.common.noPersonalAccount", accountAddress));
        return grant(actor, mailbox.getId(), account.getId(), permissions, owner, lastDay, reason);
    }

    public Delegation grant(@NotNull Actor actor, long mailboxId, long accountId,
                            @NotEmpty Set<Permission> permissions, boolean owner, LocalDate lastDay,
                            @Reason String reason) {
        SharedMailbox mailbox = authorizer.found(actor, Action.MANAGE_ACCESS, mailboxes.find(mailboxId),
                SharedMailbox::getPremises);
        PersonalAccount account = accounts.find(accountId)
                .orElseThrow(() -> RuleViolation.because("refusal.common.noPersonalAccount", accountId));
        if (actor.personalAccountId() != null && actor.personalAccountId() == accountId) {
            throw RuleViolation.because("refusal.mailbox.youCannotGrantAccess");
        }
        if (!account.mayReceiveAccess()) {
            throw RuleViolation.because("refusal.mailbox.isAndCannotBe", account.getAddress(), account.getStatus());
        }
        Instant now = clock.instant();
        Instant expiresAt = UkTime.endOf(lastDay);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw RuleViolation.because("refusal.common.theLastDayMust");
        }
        MailboxRepository.LiveMembership live = mailboxes.liveMembership(mailboxId, accountId, now);
        if (live.hasAccount()) {
            throw RuleViolation.because("refusal.common.alreadyHasAccessTo", account.getAddress(), mailbox.getAddress());
        }
        if (live.members() >= SharedMailbox.MAX_MEMBERS) {
            throw RuleViolation.because("refusal.mailbox.alreadyHasMembersNhsmails", mailbox.getAddress(), SharedMailbox.MAX_MEMBERS);
        }
        if (owner && live.owners() >= SharedMailbox.MAX_OWNERS) {
            throw RuleViolation.because("refusal.common.alreadyHasOwnersNhsmails", mailbox.getAddress(), SharedMailbox.MAX_OWNERS);
        }
        Delegation delegation = Delegation.grant(mailbox, account, permissions, owner, actor.username(), now, reason, expiresAt);
        mailboxes.add(delegation);
        audit.record(AuditEntry.by(actor, AuditAction.DELEGATION_GRANTED,
                new AuditTarget(AuditTargetType.DELEGATION, delegation.getId(), account.getAddress().value()), mailbox.getPremises().getId(),
                Change.to(delegation.describe()), reason));
        outbox.record(mailbox.getId(), mailbox.getAddress().value(), account.getAddress().value(),
                ProvisioningKind.ACCESS_GRANTED, rights(delegation), actor.username());
        return delegation;
    }

    /** Creates the premises' conforming shared mailbox; at most one open mailbox per premises. */
    public SharedMailbox createMailbox(@NotNull Actor actor, long premisesId, @Reason String reason) {
        Organisation premises = authorizer.found(actor, Action.MANAGE_ACCESS, organisations.find(premisesId), o -> o);
        if (!premises.isPremises()) {
            throw RuleViolation.because("refusal.mailbox.isNotAPharmacy", premises.getName());
        }
        mailboxes.findOpenForPremises(premisesId).ifPresent(existing -> {
            throw RuleViolation.because("refusal.mailbox.alreadyHasAMailbox", premises.getOdsCode(), existing.getAddress(), existing.getStatus());
        });
        SharedMailbox mailbox = SharedMailbox.conforming(premises, clock.instant());
        mailboxes.add(mailbox);
        audit.record(AuditEntry.by(actor, AuditAction.MAILBOX_CREATED,
                new AuditTarget(AuditTargetType.MAILBOX, mailbox.getId(), mailbox.getAddress().value()), premisesId,
                Change.to(mailbox.getAddress() + " " + mailbox.getStatus()), reason));
        outbox.record(mailbox.getId(), mailbox.getAddress().value(), null, ProvisioningKind.MAILBOX_CREATED, null,
                actor.username());
        return mailbox;
    }

    /**
     * Changes what a person may do on a mailbox, or whether they own it. Taking away the last
     * owner needs {@code confirmed}; the audit then records that the exception was confirmed.
     */
    public Delegation changePermissions(@NotNull Actor actor, long delegationId, @NotEmpty Set<Permission> permissions,
                                        boolean owner, boolean confirmed, @Reason String reason) {
        Delegation delegation = liveDelegation(actor, delegationId);
        Instant now = clock.instant();
        long[] counts = mailboxes.liveCounts(delegation.getMailbox().getId(), now);
        boolean leavesNoOwner = delegation.isOwner() && !owner && counts[1] <= 1;
        if (leavesNoOwner && !confirmed) {
            throw ConfirmationNeeded.because("confirm.changeLeavesNoOwner", delegation.getMailbox().getAddress());
        }
        if (owner && !delegation.isOwner() && counts[1] >= SharedMailbox.MAX_OWNERS) {
            throw RuleViolation.because("refusal.common.alreadyHasOwnersNhsmails", delegation.getMailbox().getAddress(), SharedMailbox.MAX_OWNERS);
        }
        String before = delegation.describe();
        delegation.changePermissions(permissions, owner);
        audit.record(AuditEntry.by(actor, AuditAction.DELEGATION_CHANGED,
                new AuditTarget(AuditTargetType.DELEGATION, delegation.getId(), delegation.getAccount().getAddress().value()), delegation.getMailbox().getPremises().getId(),
                Change.of(before, delegation.describe() + (leavesNoOwner ? " [confirmed: leaves no owner]" : "")), reason));
        outbox.record(delegation.getMailbox().getId(), delegation.getMailbox().getAddress().value(),
                delegation.getAccount().getAddress().value(), ProvisioningKind.ACCESS_CHANGED, rights(delegation),
                actor.username());
        return delegation;
    }

    /**
     * The same as {@link #changePermissions(Actor, long, Set, boolean, boolean, String)}, refused if
     * someone else changed this access since the caller read it (version {@code seenVersion}).
     */
    public Delegation changePermissions(@NotNull Actor actor, long delegationId, long seenVersion,
                                        @NotEmpty Set<Permission> permissions, boolean owner, boolean confirmed,
                                        @Reason String reason) {
        requireUnchanged(actor, Action.MANAGE_ACCESS, delegationId, seenVersion);
        return changePermissions(actor, delegationId, permissions, owner, confirmed, reason);
    }

    /**
     * Moves the end of time-limited access (locum cover extended or cut short); null removes the
     * end. Refused if someone else changed this access since the caller read it. Audited.
     */
    public Delegation extend(@NotNull Actor actor, long delegationId, long seenVersion, LocalDate newLastDay,
                             @Reason String reason) {
        requireUnchanged(actor, Action.EXTEND_ACCESS, delegationId, seenVersion);
        Delegation delegation = liveDelegation(actor, delegationId, Action.EXTEND_ACCESS);
        Instant newExpiry = UkTime.endOf(newLastDay);
        if (newExpiry != null && !newExpiry.isAfter(clock.instant())) {
            throw RuleViolation.because("refusal.common.theLastDayMust");
        }
        if (!authorizer.may(actor, Action.MANAGE_ACCESS, delegation.getMailbox().getPremises())) {
            ownerMayMoveLastDay(delegation, newLastDay);
        }
        LocalDate before = delegation.getLastDay();
        delegation.extendTo(newExpiry);
        audit.record(AuditEntry.by(actor, AuditAction.DELEGATION_EXPIRY_CHANGED,
                new AuditTarget(AuditTargetType.DELEGATION, delegation.getId(), delegation.getAccount().getAddress().value()), delegation.getMailbox().getPremises().getId(),
                Change.of(before == null ? "no last day" : "last day " + UkTime.words(before),
                        newLastDay == null ? "no last day" : "last day " + UkTime.words(newLastDay)), reason));
        return delegation;
    }

    /** Revoke, refused if someone else changed this access since the caller read it. */
    public Delegation revoke(@NotNull Actor actor, long delegationId, long seenVersion, @Reason String reason,
                             boolean confirmed) {
        requireUnchanged(actor, Action.MANAGE_ACCESS, delegationId, seenVersion);
        return revoke(actor, delegationId, reason, confirmed);
    }

    /**
     * Someone with the right to act on this access has not had it changed under them. Scope comes
     * first: the version, and what the access now is, are told only to a caller who may act on it.
     */
    private void requireUnchanged(Actor actor, Action action, long delegationId, long seenVersion) {
        Delegation d = authorizer.found(actor, action, mailboxes.findDelegation(delegationId),
                delegation -> delegation.getMailbox().getPremises());
        if (d.getVersion() != seenVersion) {
            throw RuleViolation.because("refusal.mailbox.someoneElseChangedThis", (d.isRevoked() ? "revoked by " + d.getRevokedBy() : "now " + d.describe()));
        }
    }

    /**
     * An owner (who may extend but not manage access) moves the last day of access that already
     * has one, to a day no further ahead than {@link #ownerLastDayBound}. Ending permanent access,
     * or making access permanent, is an administrator's change: an owner asks through a request.
     */
    private void ownerMayMoveLastDay(Delegation delegation, LocalDate lastDay) {
        if (lastDay == null) {
            throw RuleViolation.because("refusal.mailbox.onlyAnAdministratorCan");
        }
        if (delegation.getExpiresAt() == null) {
            throw RuleViolation.because("refusal.mailbox.thisAccessHasNo");
        }
        LocalDate bound = UkTime.today(clock).plusMonths(ownerLastDayBound);
        if (lastDay.isAfter(bound)) {
            throw RuleViolation.because("refusal.mailbox.theLastDayCan", ownerLastDayBound, bound);
        }
    }

    private Delegation liveDelegation(Actor actor, long delegationId) {
        return liveDelegation(actor, delegationId, Action.MANAGE_ACCESS);
    }

    private Delegation liveDelegation(Actor actor, long delegationId, Action action) {
        Delegation delegation = authorizer.found(actor, action, mailboxes.findDelegation(delegationId),
                d -> d.getMailbox().getPremises());
        if (actor.personalAccountId() != null && actor.personalAccountId().equals(delegation.getAccount().getId())
                && actor.actingFor(OrganisationPlace.of(delegation.getMailbox().getPremises())).isPresent()) {
            throw RuleViolation.because("refusal.deputy.notYourOwnAccess");
        }
        if (delegation.isRevoked()) {
            throw RuleViolation.because("refusal.mailbox.thisAccessWasAlready", UkTime.words(UkTime.dateOf(delegation.getRevokedAt())));
        }
        return delegation;
    }

    private static String rights(Delegation delegation) {
        String permissions = delegation.getPermissions().stream().map(Enum::name).collect(Collectors.joining(","));
        return delegation.isOwner() ? permissions + ",OWNER" : permissions;
    }

    public Delegation revoke(@NotNull Actor actor, long delegationId, @Reason String reason) {
        return revoke(actor, delegationId, reason, false);
    }

    /**
     * A leaver case's revoke, inside the case's transaction. The case has already been authorised
     * for its whole scope; the below-minimum rule becomes the case's successor step, so it does not
     * ask for confirmation here. Audited and queued like any other revoke.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeForLeaver(@NotNull Actor actor, @NotNull Delegation delegation, @NotNull Instant now,
                                @Reason String reason) {
        String before = delegation.describe();
        delegation.revoke(actor.username(), now, reason);
        audit.record(AuditEntry.by(actor, AuditAction.DELEGATION_REVOKED,
                new AuditTarget(AuditTargetType.DELEGATION, delegation.getId(), delegation.getAccount().getAddress().value()), delegation.getMailbox().getPremises().getId(),
                Change.of(before, "revoked"), reason));
        outbox.record(delegation.getMailbox().getId(), delegation.getMailbox().getAddress().value(),
                delegation.getAccount().getAddress().value(), ProvisioningKind.ACCESS_REVOKED, "", actor.username());
    }

    /**
     * Ends access whose expiry has passed, recorded as done by the system. Not subject to the
     * below-minimum confirmation: the end date was agreed when the access was granted.
     */
    public void expire(long delegationId, Instant now) {
        mailboxes.findDelegation(delegationId).ifPresent(d -> expire(d, now));
    }

    /**
     * {@link #expire(long, Instant)} for many at once, in one transaction and set-based: one query reads
     * what is due with its parties, one UPDATE revokes it, and its audit rows and platform events are
     * written in one batch each. If anything changed under it (a revoke by someone else), it fails and
     * the transaction rolls back; the sweep then expires that batch one by one. Returns how many were
     * revoked.
     */
    public int expireAll(@NotNull List<Long> delegationIds, @NotNull Instant now) {
        List<ExpiredAccess> due = mailboxes.expiredAccess(delegationIds, now);
        if (due.isEmpty()) {
            return 0;
        }
        String by = EXPIRY_SWEEP.username();
        int revoked = mailboxes.revokeAll(due.stream().map(ExpiredAccess::id).toList(), now, by, Delegation.EXPIRED_REASON);
        if (revoked != due.size()) {
            throw new IllegalStateException(revoked + " of " + due.size() + " expired delegations revoked: one changed under the sweep");
        }
        audit.recordAll(due.stream().map(a -> new AuditEntry(by, AuditAction.DELEGATION_EXPIRED,
                new AuditTarget(AuditTargetType.DELEGATION, a.id(), a.accountAddress().value()), a.premisesId(),
                Change.of(a.describe(), "revoked"), Delegation.EXPIRED_REASON)).toList());
        outbox.recordAll(due.stream().map(a -> new ProvisioningOutbox.Entry(a.mailboxId(), a.mailboxAddress().value(),
                a.accountAddress().value(), ProvisioningKind.ACCESS_REVOKED, "")).toList(), by);
        return revoked;
    }

    private boolean expire(Delegation delegation, Instant now) {
        if (delegation.isRevoked() || delegation.getExpiresAt() == null || delegation.getExpiresAt().isAfter(now)) {
            return false; // already handled, or not due: the sweep is idempotent
        }
        Actor system = EXPIRY_SWEEP;
        String before = delegation.describe();
        delegation.revoke(system.username(), now, Delegation.EXPIRED_REASON);
        audit.record(new AuditEntry(system.username(), AuditAction.DELEGATION_EXPIRED,
                new AuditTarget(AuditTargetType.DELEGATION, delegation.getId(), delegation.getAccount().getAddress().value()), delegation.getMailbox().getPremises().getId(),
                Change.of(before, "revoked"), delegation.getRevokeReason()));
        outbox.record(delegation.getMailbox().getId(), delegation.getMailbox().getAddress().value(),
                delegation.getAccount().getAddress().value(), ProvisioningKind.ACCESS_REVOKED, "", system.username());
        return true;
    }

    /**
     * Takes access away. If that would leave the mailbox below NHSmail's minimum of 2 live accounts,
     * or with no owner, it needs {@code confirmed}, and the audit records the confirmed exception.
     */
    public Delegation revoke(@NotNull Actor actor, long delegationId, @Reason String reason, boolean confirmed) {
        return revokeChecked(actor, liveDelegation(actor, delegationId), reason, confirmed);
    }

    /**
     * An access review's removal. The review has authorised the reviewer for this line (owners review
     * their premises' access, which they cannot otherwise revoke); the minimum and owner rules and the
     * confirmation hold as for any revoke. Audited and queued like any other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Delegation revokeForReview(@NotNull Actor actor, @NotNull Delegation delegation, @Reason String reason,
                                      boolean confirmed) {
        if (delegation.isRevoked()) {
            throw RuleViolation.because("refusal.mailbox.thisAccessWasAlready", UkTime.words(UkTime.dateOf(delegation.getRevokedAt())));
        }
        return revokeChecked(actor, delegation, reason, confirmed);
    }

    /**
     * A review deadline's removal of access nobody reviewed: done only where no confirmation would be
     * needed (the mailbox keeps its minimum and an owner). False, and nothing changed, otherwise.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revokeUnreviewed(@NotNull Actor actor, @NotNull Delegation delegation, @Reason String reason) {
        Instant now = clock.instant();
        if (!delegation.isLiveAt(now) || revokeWarning(delegation, now) != null) {
            return false;
        }
        revokeRecorded(actor, delegation, reason, null, now); // checked just now: no second count
        return true;
    }

    /**
     * An access review's change: a new last day for the access (null: none), set by the reviewer the
     * review has authorised for this line. The day must be ahead. Audited.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Delegation setLastDayForReview(@NotNull Actor actor, @NotNull Delegation delegation, LocalDate lastDay,
                                          @Reason String reason) {
        if (delegation.isRevoked()) {
            throw RuleViolation.because("refusal.mailbox.thisAccessWasAlready", UkTime.words(UkTime.dateOf(delegation.getRevokedAt())));
        }
        Instant newExpiry = UkTime.endOf(lastDay);
        if (newExpiry != null && !newExpiry.isAfter(clock.instant())) {
            throw RuleViolation.because("refusal.common.theLastDayMust");
        }
        LocalDate before = delegation.getLastDay();
        delegation.extendTo(newExpiry);
        audit.record(AuditEntry.by(actor, AuditAction.DELEGATION_EXPIRY_CHANGED,
                new AuditTarget(AuditTargetType.DELEGATION, delegation.getId(), delegation.getAccount().getAddress().value()), delegation.getMailbox().getPremises().getId(),
                Change.of(before == null ? "no last day" : "last day " + UkTime.words(before),
                        lastDay == null ? "no last day" : "last day " + UkTime.words(lastDay)), reason));
        return delegation;
    }

    /** What a revoke of live access would break, in the audit's words and as the confirmation it needs. */
    private record RevokeWarning(String words, ConfirmationNeeded confirmation) {
    }

    /** The confirmation a revoke of this live access needs (below the minimum, or no owner left), or null. */
    private RevokeWarning revokeWarning(Delegation delegation, Instant now) {
        long[] counts = mailboxes.liveCounts(delegation.getMailbox().getId(), now);
        if (counts[0] - 1 < SharedMailbox.MIN_LIVE_ACCOUNTS) {
            return new RevokeWarning("leaves " + (counts[0] - 1) + " live accounts, below NHSmail's minimum of "
                    + SharedMailbox.MIN_LIVE_ACCOUNTS, ConfirmationNeeded.because("confirm.revokeBelowMinimum", counts[0] - 1,
                    delegation.getMailbox().getAddress(), SharedMailbox.MIN_LIVE_ACCOUNTS));
        }
        if (delegation.isOwner() && counts[1] <= 1) {
            return new RevokeWarning("leaves no owner",
                    ConfirmationNeeded.because("confirm.revokeLeavesNoOwner", delegation.getMailbox().getAddress()));
        }
        return null;
    }

    private Delegation revokeChecked(Actor actor, Delegation delegation, String reason, boolean confirmed) {
        Instant now = clock.instant();
        RevokeWarning unconfirmed = delegation.isLiveAt(now) ? revokeWarning(delegation, now) : null;
        if (unconfirmed != null && !confirmed) {
            throw unconfirmed.confirmation();
        }
        return revokeRecorded(actor, delegation, reason, unconfirmed == null ? null : unconfirmed.words(), now);
    }

    /** Revokes, with its audit row and its event for the platform; {@code warning}: the confirmed exception, if any. */
    private Delegation revokeRecorded(Actor actor, Delegation delegation, String reason, String warning, Instant now) {
        String before = delegation.describe();
        delegation.revoke(actor.username(), now, reason);
        audit.record(AuditEntry.by(actor, AuditAction.DELEGATION_REVOKED,
                new AuditTarget(AuditTargetType.DELEGATION, delegation.getId(), delegation.getAccount().getAddress().value()), delegation.getMailbox().getPremises().getId(),
                Change.of(before, warning == null ? "revoked" : "revoked [confirmed: " + warning + "]"), reason));
        outbox.record(delegation.getMailbox().getId(), delegation.getMailbox().getAddress().value(),
                delegation.getAccount().getAddress().value(), ProvisioningKind.ACCESS_REVOKED, "", actor.username());
        return delegation;
    }

    /** An LOA sends a change the platform kept refusing (dead-lettered) again. Audited. */
    public void retryProvisioning(@NotNull Actor actor, long eventId) {
        var event = java.util.Optional.ofNullable(outbox.find(eventId)).orElseThrow(NotFound::new);
        SharedMailbox mailbox = authorizer.found(actor, Action.MANAGE_ACCESS, mailboxes.find(event.getMailboxId()),
                SharedMailbox::getPremises);
        outbox.retry(eventId);
        audit.record(AuditEntry.by(actor, AuditAction.PROVISIONING_RETRIED,
                new AuditTarget(AuditTargetType.MAILBOX, mailbox.getId(), mailbox.getAddress().value()), mailbox.getPremises().getId(),
                Change.of("FAILED: " + event.getLastError(), "PENDING"), null));
    }
}
