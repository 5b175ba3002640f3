package uk.nhs.pharmacy.portal.leaver;

import uk.nhs.pharmacy.portal.audit.AuditAction;
import uk.nhs.pharmacy.portal.audit.AuditEntry;
import uk.nhs.pharmacy.portal.audit.AuditTarget;
import uk.nhs.pharmacy.portal.audit.AuditTargetType;
import uk.nhs.pharmacy.portal.audit.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import uk.nhs.pharmacy.portal.platform.Reason;
import uk.nhs.pharmacy.portal.account.AccountRepository;
import uk.nhs.pharmacy.portal.account.AccountStatus;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.MailboxRepository;
import uk.nhs.pharmacy.portal.mailbox.MailboxService;
import uk.nhs.pharmacy.portal.mailbox.Permission;
import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.security.AccessDeniedException;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Leaver cases, the same for every channel (screen, API, bulk file, schedule). Opening checks the
 * actor may run a leaver on the organisation left; running revokes every delegation in the case's
 * scope in one transaction, then asks for a successor where a mailbox the leaver owned is left
 * short, records a remote wipe for a registered device, and closes when nothing waits.
 */
@ApplicationScoped
@Transactional
public class LeaverService {


    @Inject
    LeaverRepository cases;

    @Inject
    AccountRepository accounts;

    @Inject
    OrganisationRepository organisations;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    MailboxService mailboxService;

    @Inject
    Authorizer authorizer;

    @Inject
    LeaverQueries queries;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * What someone asks for: who leaves, how far, from which organisation (not for the NHS), when, and
     * for a case that runs at once, who takes over each mailbox the leaver owns ({@link #successorsNeeded}).
     */
    public record LeaverRequest(MailAddress account, LeaverKind kind, OdsCode left, Instant effectiveAt,
                                @jakarta.validation.constraints.Size(max = Reason.MAX, message = "is too long: at most {max} characters")
                                String reason, List<Successor> successors) {
        public LeaverRequest {
            successors = successors == null ? List.of() : List.copyOf(successors);
        }

        public LeaverRequest(MailAddress account, LeaverKind kind, OdsCode left, Instant effectiveAt, String reason) {
            this(account, kind, left, effectiveAt, reason, List.of());
        }
    }

    /** Who takes over a mailbox the leaver owns: made an owner with Full Access before the leaver's access goes. */
    public record Successor(long mailboxId, MailAddress person) {
    }

    /**
     * A mailbox the leaver owns that the case would leave with no owner or under the minimum of live
     * accounts, and the people on it now (the leaver aside), who are offered first as its successor.
     */
    public record SuccessorNeeded(SharedMailbox mailbox, long liveAfter, long ownersAfter, List<PersonalAccount> onMailbox) implements java.io.Serializable {
    }

    /**
     * Opens a case; one whose effective time has come runs at once, in the same transaction. A
     * second open case for the same person, kind and organisation is refused.
     */
    public LeaverCase open(@NotNull Actor actor, @NotNull @jakarta.validation.Valid LeaverRequest request) {
        LeaverCase leaverCase = prepare(actor, request);
        cases.add(leaverCase);
        audit.record(AuditEntry.by(actor, AuditAction.LEAVER_CASE_OPENED,
                new AuditTarget(AuditTargetType.LEAVER_CASE, leaverCase.getId(), leaverCase.getAccount().getAddress().value()), leaverCase.getScopeOrganisation().getId(),
                Change.to(describe(leaverCase)), leaverCase.getReason()));
        Instant now = leaverCase.getOpenedAt();
        if (!request.successors().isEmpty() && !leaverCase.isDueAt(now)) {
            throw RuleViolation.because("refusal.leaver.successorsAreChosenFor");
        }
        if (leaverCase.isDueAt(now)) {
            run(actor, leaverCase, now, request.successors());
        }
        return leaverCase;
    }

    /**
     * The mailboxes the case would leave with no owner or under {@link SharedMailbox#MIN_LIVE_ACCOUNTS}
     * live accounts, each with the people on it now: what the start form asks a successor for. The
     * same checks as {@link #open}, so it tells nothing of a case the caller may not open.
     */
    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = {RuleViolation.class, SecurityException.class, NotFound.class})
    public List<SuccessorNeeded> successorsNeeded(@NotNull Actor actor, @NotNull LeaverRequest request) {
        LeaverCase leaverCase = prepare(actor, request);
        Instant now = clock.instant();
        List<SuccessorNeeded> needed = new java.util.ArrayList<>();
        for (Delegation owned : mailboxes.liveDelegationsOf(leaverCase.getAccount().getId(), now)) {
            SharedMailbox mailbox = owned.getMailbox();
            if (!owned.isOwner() || !inCase(leaverCase, mailbox.getPremises())) {
                continue;
            }
            long[] counts = mailboxes.liveCounts(mailbox.getId(), now);
            long liveAfter = counts[0] - 1;
            long ownersAfter = counts[1] - 1;
            if (ownersAfter == 0 || liveAfter < SharedMailbox.MIN_LIVE_ACCOUNTS) {
                needed.add(new SuccessorNeeded(mailbox, liveAfter, ownersAfter, mailboxes.liveDelegations(mailbox.getId(), now).stream()
                        .map(Delegation::getAccount).filter(a -> !a.getId().equals(leaverCase.getAccount().getId())).toList()));
            }
        }
        return needed;
    }

    /**
     * Every check {@link #open} makes, writing nothing: the case it would open. A bulk file's preview
     * asks this for each line. Throws {@link RuleViolation} or an access refusal with the reason;
     * a refusal here does not spoil the caller's transaction (a preview goes on to the next line).
     */
    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = {RuleViolation.class, SecurityException.class, NotFound.class})
    public LeaverCase prepare(@NotNull Actor actor, @NotNull @jakarta.validation.Valid LeaverRequest request) {
        if (request.kind() == null) {
            throw RuleViolation.because("refusal.leaver.sayHowThePerson");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw RuleViolation.because("refusal.leaver.aLeaverCaseNeeds");
        }
        PersonalAccount account = accounts.findByAddress(request.account())
                .orElseThrow(() -> RuleViolation.because("refusal.common.noPersonalAccount", request.account()));
        Organisation left = null;
        if (request.kind().needsScopeOrganisation()) {
            if (request.left() == null) {
                throw RuleViolation.because("refusal.leaver.sayWhichLeaves", request.kind().token(), account.getAddress());
            }
            left = organisations.findByOdsCode(request.left()).orElseThrow(NotFound::new);
        }
        LeaverCase leaverCase = LeaverCase.open(account, request.kind(), left, request.effectiveAt(), request.reason(),
                actor.username(), clock.instant());
        requireAuthority(actor, leaverCase);
        if (account.getStatus() != AccountStatus.ACTIVE) {
            throw RuleViolation.because("refusal.leaver.isAlready", account.getAddress(), account.getStatus());
        }
        cases.openDuplicate(account.getId(), request.kind(), leaverCase.getScopeOrganisation().getId())
                .ifPresent(existing -> {
                    throw RuleViolation.because("refusal.leaver.alreadyHasAnOpen", account.getAddress(), existing.getId(), existing.getState(), existing.getScopeOrganisation().getName());
                });
        return leaverCase;
    }

    /**
     * The actor may run a leaver on the organisation the case names. For a contractor, an LOA whose
     * scope is areas rather than the contractor itself may still run it if every premises of that
     * contractor where the person has access lies in their scope (and, where they have none, if the
     * person's home does).
     */
    private void requireAuthority(Actor actor, LeaverCase leaverCase) {
        Organisation scope = leaverCase.getScopeOrganisation();
        if (authorizer.may(actor, Action.RUN_LEAVER, scope)) {
            return;
        }
        if (leaverCase.getKind() == LeaverKind.LEAVES_CONTRACTOR) {
            List<Organisation> premises = mailboxes.unrevokedDelegationsOf(leaverCase.getAccount().getId()).stream()
                    .map(d -> d.getMailbox().getPremises()).filter(p -> inCase(leaverCase, p)).distinct().toList();
            List<String> outside = premises.stream().filter(p -> !authorizer.may(actor, Action.RUN_LEAVER, p))
                    .map(p -> p.getOdsCode().value()).toList();
            // With no access there to take away, the person's own administrator (their home in scope) may
            // still record that they left: an HR system or LOA for the area a mover leaves from.
            boolean homeInScope = authorizer.may(actor, Action.RUN_LEAVER, leaverCase.getAccount().getHomeOrganisation());
            if (outside.isEmpty() && (!premises.isEmpty() || homeInScope)) {
                return;
            }
            if (!outside.isEmpty()) {
                throw new AccessDeniedException(actor.username() + " may not run this leaver: " + String.join(", ", outside)
                        + " of " + scope.getName() + " are outside their scope");
            }
        }
        if (!authorizer.may(actor, Action.VIEW, scope)) {
            throw new NotFound(); // out of scope answers as if it did not exist
        }
        throw new AccessDeniedException(actor.username() + " may not run a leaver for " + scope.getOdsCode() + " "
                + scope.getName());
    }

    /** Runs a scheduled case whose date has come, as the system. Nothing happens if it already ran. */
    public void runScheduled(long caseId, @NotNull Instant now) {
        cases.findForUpdate(caseId).filter(c -> c.isDueAt(now))
                .ifPresent(c -> run(Actor.system("leaver-schedule"), c, now, List.of()));
    }

    private void run(Actor actor, LeaverCase leaverCase, Instant now, List<Successor> successors) {
        PersonalAccount account = leaverCase.getAccount();
        String because = "Leaver case #" + leaverCase.getId() + ": " + leaverCase.getReason();
        List<Delegation> inScope = mailboxes.unrevokedDelegationsOf(account.getId()).stream()
                .filter(d -> inCase(leaverCase, d.getMailbox().getPremises())).toList();
        // Successors first, so that no mailbox is ever without an owner, not even inside this transaction.
        for (Successor successor : successors) {
            SharedMailbox mailbox = inScope.stream().filter(d -> d.isOwner() && d.getMailbox().getId() == successor.mailboxId())
                    .map(Delegation::getMailbox).findFirst()
                    .orElseThrow(() -> RuleViolation.because("refusal.leaver.ownsNoMailboxIn", account.getAddress(), successor.mailboxId()));
            PersonalAccount person = successorAccount(leaverCase, successor.person());
            makeOwner(actor, mailbox, person, "Successor for leaver case #" + leaverCase.getId() + ": " + leaverCase.getReason());
            leaverCase.record(StepKind.SUCCESSOR, person.getAddress() + " owns " + mailbox.getAddress() + " in place of "
                    + account.getAddress(), actor.username(), now);
            audit.record(AuditEntry.by(actor, AuditAction.LEAVER_SUCCESSOR_CHOSEN,
                    new AuditTarget(AuditTargetType.LEAVER_CASE, leaverCase.getId(), account.getAddress().value()),
                    mailbox.getPremises().getId(), Change.to(person.getAddress() + " owns " + mailbox.getAddress()), leaverCase.getReason()));
        }
        Map<Long, SharedMailbox> owned = new LinkedHashMap<>();
        for (Delegation delegation : inScope) {
            if (delegation.isOwner()) {
                owned.put(delegation.getMailbox().getId(), delegation.getMailbox());
            }
            mailboxService.revokeForLeaver(actor, delegation, now, because);
        }
        leaverCase.record(StepKind.REVOKE_ACCESS, revokedDetail(inScope), actor.username(), now);
        if (leaverCase.getKind() == LeaverKind.LEAVES_NHS) {
            account.markLeaver(now);
            leaverCase.record(StepKind.MARK_LEAVER, account.getAddress() + " is Active (Leaver) until "
                    + now.plus(PersonalAccount.LEAVER_GRACE) + " unless another organisation accepts them as a joiner",
                    actor.username(), now);
            audit.record(AuditEntry.by(actor, AuditAction.ACCOUNT_LEAVER,
                    new AuditTarget(AuditTargetType.ACCOUNT, account.getId(), account.getAddress().value()), account.getHomeOrganisation().getId(),
                    Change.of("ACTIVE", "LEAVER"), because));
        }
        for (SharedMailbox mailbox : owned.values()) {
            long[] counts = mailboxes.liveCounts(mailbox.getId(), now);
            if (counts[1] == 0 || counts[0] < SharedMailbox.MIN_LIVE_ACCOUNTS) {
                leaverCase.await(StepKind.SUCCESSOR, mailbox, mailbox.getAddress() + " is left with " + counts[0]
                        + " live accounts and " + counts[1] + " owners: choose a successor or confirm the exception");
            }
        }
        if (account.hasMobileDevice()) {
            leaverCase.record(StepKind.REMOTE_WIPE, "Remote wipe of NHSmail data requested for the mobile device "
                    + "registered to " + account.getAddress(), actor.username(), now);
            audit.record(AuditEntry.by(actor, AuditAction.REMOTE_WIPE_REQUESTED,
                    new AuditTarget(AuditTargetType.ACCOUNT, account.getId(), account.getAddress().value()), leaverCase.getScopeOrganisation().getId(),
                    Change.to("remote wipe requested"), because));
        }
        leaverCase.settle(actor.username(), now);
        audit.record(AuditEntry.by(actor, AuditAction.LEAVER_CASE_RUN,
                new AuditTarget(AuditTargetType.LEAVER_CASE, leaverCase.getId(), account.getAddress().value()), leaverCase.getScopeOrganisation().getId(),
                Change.to(inScope.size() + " revoked; " + leaverCase.getState()), leaverCase.getReason()));
    }

    private static boolean inCase(LeaverCase leaverCase, Organisation premises) {
        long scope = leaverCase.getScopeOrganisation().getId();
        return switch (leaverCase.getKind()) {
            case LEAVES_PREMISES -> premises.getId() == scope;
            case LEAVES_CONTRACTOR -> premises.getParentId() != null && premises.getParentId() == scope;
            case LEAVES_NHS -> true;
        };
    }

    private static String revokedDetail(List<Delegation> revoked) {
        if (revoked.isEmpty()) {
            return "No access to revoke";
        }
        return "Revoked " + revoked.size() + ": " + revoked.stream().map(d -> d.getMailbox().getAddress().value())
                .collect(Collectors.joining(", "));
    }

    /**
     * Step 2 resolved by choosing who takes over the mailbox: they become an owner with Full Access
     * (granted, or added to the access they have). The actor must manage that premises.
     */
    public LeaverCase chooseSuccessor(@NotNull Actor actor, long caseId, long stepId, @NotNull MailAddress successor,
                                      @Reason String reason) {
        LeaverCase leaverCase = visibleCase(actor, caseId);
        LeaverStep step = successorStep(actor, leaverCase, stepId);
        SharedMailbox mailbox = step.getMailbox();
        PersonalAccount person = successorAccount(leaverCase, successor);
        Instant now = clock.instant();
        makeOwner(actor, mailbox, person, "Successor for leaver case #" + caseId + ": " + reason);
        step.complete(StepState.SUCCESSOR_CHOSEN, actor.username(), now,
                person.getAddress() + " owns " + mailbox.getAddress() + " in place of " + leaverCase.getAccount().getAddress());
        audit.record(AuditEntry.by(actor, AuditAction.LEAVER_SUCCESSOR_CHOSEN,
                new AuditTarget(AuditTargetType.LEAVER_CASE, caseId, leaverCase.getAccount().getAddress().value()), mailbox.getPremises().getId(),
                Change.to(person.getAddress() + " owns " + mailbox.getAddress()), reason));
        settleIfDone(actor, leaverCase, now);
        return leaverCase;
    }

    private PersonalAccount successorAccount(LeaverCase leaverCase, MailAddress successor) {
        PersonalAccount person = accounts.findByAddress(successor)
                .orElseThrow(() -> RuleViolation.because("refusal.common.noPersonalAccount", successor));
        if (person.getId().equals(leaverCase.getAccount().getId())) {
            throw RuleViolation.because("refusal.leaver.theSuccessorMustBe");
        }
        return person;
    }

    /** The successor becomes an owner with Full Access: granted, or added to the access they have. */
    private void makeOwner(Actor actor, SharedMailbox mailbox, PersonalAccount person, String because) {
        Delegation current = mailboxes.liveDelegation(mailbox.getId(), person.getId(), clock.instant()).orElse(null);
        if (current == null) {
            mailboxService.grant(actor, mailbox.getId(), person.getId(), EnumSet.of(Permission.FULL_ACCESS, Permission.SEND_AS),
                    true, null, because);
        } else if (!current.isOwner()) {
            Set<Permission> permissions = EnumSet.copyOf(current.getPermissions());
            permissions.add(Permission.FULL_ACCESS);
            mailboxService.changePermissions(actor, current.getId(), permissions, true, false, because);
        }
    }

    /** Step 2 resolved by an LOA or national administrator accepting the mailbox as it is, with a reason. */
    public LeaverCase confirmException(@NotNull Actor actor, long caseId, long stepId, @Reason String reason) {
        LeaverCase leaverCase = visibleCase(actor, caseId);
        LeaverStep step = successorStep(actor, leaverCase, stepId);
        Instant now = clock.instant();
        step.complete(StepState.EXCEPTION_CONFIRMED, actor.username(), now,
                "Exception confirmed for " + step.getMailbox().getAddress() + ": " + reason);
        audit.record(AuditEntry.by(actor, AuditAction.LEAVER_EXCEPTION_CONFIRMED,
                new AuditTarget(AuditTargetType.LEAVER_CASE, caseId, leaverCase.getAccount().getAddress().value()), step.getMailbox().getPremises().getId(),
                Change.of(step.getDetail(), "exception confirmed"), reason));
        settleIfDone(actor, leaverCase, now);
        return leaverCase;
    }

    /** Withdraws a case that has not run yet; nothing was changed, and nothing will be. */
    public LeaverCase cancel(@NotNull Actor actor, long caseId, @Reason String reason) {
        LeaverCase leaverCase = visibleCase(actor, caseId);
        if (!leaverCase.getOpenedBy().equals(actor.username())) {
            requireAuthority(actor, leaverCase);
        }
        leaverCase.cancel(clock.instant());
        audit.record(AuditEntry.by(actor, AuditAction.LEAVER_CASE_CANCELLED,
                new AuditTarget(AuditTargetType.LEAVER_CASE, caseId, leaverCase.getAccount().getAddress().value()), leaverCase.getScopeOrganisation().getId(),
                Change.of(describe(leaverCase), "cancelled"), reason));
        return leaverCase;
    }

    /** The case, locked, if it exists and the caller may see it. */
    private LeaverCase visibleCase(Actor actor, long caseId) {
        return cases.findForUpdate(caseId).filter(c -> queries.visible(actor, c)).orElseThrow(NotFound::new);
    }

    /** A successor step of the case on a mailbox the caller manages; only then is its state told. */
    private LeaverStep successorStep(Actor actor, LeaverCase leaverCase, long stepId) {
        LeaverStep step = authorizer.found(actor, Action.MANAGE_ACCESS, leaverCase.getSteps().stream()
                .filter(s -> s.getId() == stepId && s.getKind() == StepKind.SUCCESSOR).findFirst(),
                s -> s.getMailbox().getPremises());
        return waitingSuccessorStep(leaverCase, step.getId());
    }

    private static LeaverStep waitingSuccessorStep(LeaverCase leaverCase, long stepId) {
        return leaverCase.getSteps().stream()
                .filter(s -> s.getId() == stepId && s.getKind() == StepKind.SUCCESSOR)
                .findFirst()
                .filter(LeaverStep::isWaiting)
                .orElseThrow(() -> RuleViolation.because("refusal.leaver.stepOfCase", stepId, leaverCase.getId()));
    }

    private void settleIfDone(Actor actor, LeaverCase leaverCase, Instant now) {
        if (leaverCase.getSteps().stream().noneMatch(LeaverStep::isWaiting)) {
            leaverCase.settle(actor.username(), now);
            audit.record(AuditEntry.by(actor, AuditAction.LEAVER_CASE_CLOSED,
                    new AuditTarget(AuditTargetType.LEAVER_CASE, leaverCase.getId(), leaverCase.getAccount().getAddress().value()), leaverCase.getScopeOrganisation().getId(),
                    Change.to("closed"), null));
        }
    }

    static String describe(LeaverCase c) {
        return c.getAccount().getAddress() + " " + c.getKind().token() + " " + c.getScopeOrganisation().getOdsCode()
                + " from " + c.getEffectiveAt();
    }
}
