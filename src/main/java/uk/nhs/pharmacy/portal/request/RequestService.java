package uk.nhs.pharmacy.portal.request;

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
import uk.nhs.pharmacy.portal.platform.PersonName;
import uk.nhs.pharmacy.portal.platform.Reason;
import uk.nhs.pharmacy.portal.account.AccountRepository;
import uk.nhs.pharmacy.portal.account.AccountService;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.leaver.CaseState;
import uk.nhs.pharmacy.portal.leaver.LeaverCase;
import uk.nhs.pharmacy.portal.leaver.LeaverKind;
import uk.nhs.pharmacy.portal.leaver.LeaverService;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.MailboxRepository;
import uk.nhs.pharmacy.portal.mailbox.MailboxService;
import uk.nhs.pharmacy.portal.mailbox.Permission;
import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.notification.NotificationOutbox;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.security.AccessDeniedException;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;
import uk.nhs.pharmacy.portal.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Owners ask, LOAs decide. Submitting checks the owner's scope and tells the LOAs in scope;
 * approving applies the change through the same services an LOA uses directly, in the same
 * transaction, and records requester, approver and time together; nobody decides their own request.
 */
@ApplicationScoped
@Transactional
public class RequestService {


    @PersistenceContext
    EntityManager em;

    @Inject
    OrganisationRepository organisations;

    @Inject
    AccountRepository accounts;

    @Inject
    AccountService accountService;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    MailboxService mailboxService;

    @Inject
    LeaverService leavers;

    @Inject
    Authorizer authorizer;

    @Inject
    AuditLog audit;

    @Inject
    NotificationOutbox notifications;

    @Inject
    Recipients recipients;

    @Inject
    Clock clock;

    /** What an owner fills in; which fields count depends on the kind. */
    public record RequestInput(RequestKind kind, OdsCode premises, MailAddress account,
                               @jakarta.validation.constraints.Size(max = PersonName.MAX, message = "is too long: at most {max} characters") String newFirstName,
                               @jakarta.validation.constraints.Size(max = PersonName.MAX, message = "is too long: at most {max} characters") String newLastName,
                               JobRole newJobRole, Long delegationId, Set<Permission> permissions,
                               boolean owner, LocalDate lastDay, LeaverKind leaverKind, LocalDate effectiveDate,
                               @Reason String reason) {
    }

    public AccessRequest submit(@NotNull Actor actor, @NotNull @jakarta.validation.Valid RequestInput input) {
        if (input.kind() == null) {
            throw RuleViolation.because("refusal.request.sayWhatYouAre");
        }
        Organisation premises = input.premises() == null ? null
                : organisations.findByOdsCode(input.premises()).orElseThrow(NotFound::new);
        if (input.delegationId() != null) {
            premises = authorizer.found(actor, Action.REQUEST_CHANGE, mailboxes.findDelegation(input.delegationId()),
                    d -> d.getMailbox().getPremises()).getMailbox().getPremises();
        }
        if (premises == null || !premises.isPremises()) {
            throw RuleViolation.because("refusal.request.sayWhichOfYour");
        }
        authorizer.check(actor, Action.REQUEST_CHANGE, premises);
        Instant now = clock.instant();
        if (input.lastDay() != null && input.lastDay().isBefore(UkTime.dateOf(now))) {
            throw RuleViolation.because("refusal.request.theLastDayCannot");
        }
        AccessRequest request;
        try {
            request = switch (input.kind()) {
                case GRANT -> input.account() != null
                        ? AccessRequest.grantExisting(premises, account(input.account()), input.permissions(), input.owner(),
                        input.lastDay(), input.reason(), actor.username(), now)
                        : AccessRequest.grantNewPerson(premises, input.newFirstName(), input.newLastName(),
                        input.newJobRole() == null ? JobRole.LOCUM_PHARMACIST : input.newJobRole(), input.permissions(),
                        input.owner(), input.lastDay(), input.reason(), actor.username(), now);
                case CHANGE -> AccessRequest.change(liveDelegation(input.delegationId()), input.permissions(), input.owner(),
                        input.lastDay(), input.reason(), actor.username(), now);
                case REVOKE -> AccessRequest.revoke(liveDelegation(input.delegationId()), input.reason(), actor.username(), now);
                case LEAVER -> AccessRequest.leaver(premises, account(input.account()),
                        input.leaverKind() == null ? LeaverKind.LEAVES_PREMISES : input.leaverKind(), input.effectiveDate(),
                        input.reason(), actor.username(), now);
            };
        } catch (NullPointerException e) {
            throw RuleViolation.because("refusal.request.somethingMissing");
        }
        if (request.getKind() == RequestKind.GRANT && request.getAccount() != null) {
            SharedMailbox mailbox = mailboxes.findOpenForPremises(premises.getId())
                    .orElseThrow(() -> RuleViolation.because("refusal.request.thisPremisesHasNo"));
            if (mailboxes.hasLiveDelegation(mailbox.getId(), request.getAccount().getId(), now)) {
                throw RuleViolation.because("refusal.common.alreadyHasAccessTo", request.getAccount().getAddress(), mailbox.getAddress());
            }
        }
        em.persist(request);
        audit.record(AuditEntry.by(actor, AuditAction.REQUEST_SUBMITTED,
                new AuditTarget(AuditTargetType.ACCESS_REQUEST, request.getId(), request.subjectName()), premises.getId(),
                Change.to(describe(request)), request.getReason()));
        for (String loa : recipients.inScope(Role.LOA, premises)) {
            notifications.notify(loa, "requestSubmitted", request.getId(), describe(request), premises.getName(),
                    premises.getOdsCode().value(), actor.username(), request.getReason());
        }
        return request;
    }

    private PersonalAccount account(MailAddress address) {
        if (address == null) {
            throw RuleViolation.because("refusal.request.sayWhoseAccessThis");
        }
        return accounts.findByAddress(address).orElseThrow(() -> RuleViolation.because("refusal.common.noPersonalAccount", address));
    }

    private Delegation liveDelegation(Long id) {
        if (id == null) {
            throw RuleViolation.because("refusal.request.sayWhichAccessTo");
        }
        Delegation d = mailboxes.findDelegation(id).orElseThrow(NotFound::new);
        if (d.isRevoked()) {
            throw RuleViolation.because("refusal.request.thatAccessWasAlready");
        }
        return d;
    }

    /**
     * Applies the request as the approver, in this one transaction: the change, its audit and
     * outbox rows, the request's decision and the requester's notification commit together.
     * {@code confirmed} accepts leaving a mailbox below the minimum or without an owner.
     */
    public AccessRequest approve(@NotNull Actor actor, long requestId, boolean confirmed,
                                 @jakarta.validation.constraints.Size(max = Reason.MAX, message = "is too long: at most {max} characters") String note) {
        AccessRequest request = pending(actor, Action.APPROVE_REQUEST, requestId);
        refuseOwn(actor, request);
        String because = "Request #" + request.getId() + " from " + request.getRequestedBy() + ": " + request.getReason();
        String result;
        RequestState outcome = RequestState.APPLIED;
        switch (request.getKind()) {
            case GRANT -> {
                SharedMailbox mailbox = mailboxes.findOpenForPremises(request.getPremises().getId())
                        .orElseThrow(() -> RuleViolation.because("refusal.common.hasNoSharedMailbox", request.getPremises().getOdsCode()));
                if (request.isForNewPerson()) {
                    PersonalAccount created = accountService.create(actor, request.getPremises().getId(),
                            request.getNewFirstName(), request.getNewLastName(), request.getNewJobRole(), false);
                    request.personCreated(created);
                }
                Delegation granted = mailboxService.grant(actor, mailbox.getId(), request.getAccount().getId(),
                        request.getPermissions(), request.isOwner(), request.getLastDay(), because);
                result = "Granted " + granted.describe();
            }
            case CHANGE -> {
                Delegation changed = mailboxService.changePermissions(actor, request.getDelegation().getId(),
                        request.getPermissions(), request.isOwner(), confirmed, because);
                if (request.getLastDay() != null) {
                    mailboxService.extend(actor, changed.getId(), changed.getVersion(), request.getLastDay(), because);
                }
                result = "Changed to " + changed.describe();
            }
            case REVOKE -> {
                mailboxService.revoke(actor, request.getDelegation().getId(), because, confirmed);
                result = "Revoked " + request.getDelegation().describe();
            }
            case LEAVER -> {
                LeaverCase opened = leavers.open(actor, new LeaverService.LeaverRequest(request.getAccount().getAddress(),
                        request.getLeaverKind(), request.getLeaverKind() == LeaverKind.LEAVES_CONTRACTOR
                        ? request.getPremises().getParent().getOdsCode()
                        : request.getLeaverKind() == LeaverKind.LEAVES_PREMISES ? request.getPremises().getOdsCode() : null,
                        UkTime.startOf(request.getEffectiveDate()), because));
                result = "Leaver case " + opened.getId() + ": " + opened.getState();
                if (opened.getState() == CaseState.SCHEDULED) {
                    outcome = RequestState.APPROVED;
                }
            }
            default -> throw new IllegalStateException(request.getKind().name());
        }
        request.decide(outcome, actor.username(), clock.instant(), note, result);
        audit.record(AuditEntry.by(actor, AuditAction.REQUEST_APPROVED,
                new AuditTarget(AuditTargetType.ACCESS_REQUEST, request.getId(), request.subjectName()), request.getPremises().getId(),
                Change.of("requested by " + request.getRequestedBy() + " at " + request.getRequestedAt(), "approved by " + actor.username() + ": " + result), note));
        recipients.of(request.getRequestedBy()).ifPresent(to -> notifications.notify(to, "requestApproved",
                request.getId(), describe(request), request.getPremises().getName(), actor.username(), result));
        return request;
    }

    public AccessRequest reject(@NotNull Actor actor, long requestId, @Reason String reason) {
        AccessRequest request = pending(actor, Action.APPROVE_REQUEST, requestId);
        refuseOwn(actor, request);
        request.decide(RequestState.REJECTED, actor.username(), clock.instant(), reason.strip(), null);
        audit.record(AuditEntry.by(actor, AuditAction.REQUEST_REJECTED,
                new AuditTarget(AuditTargetType.ACCESS_REQUEST, request.getId(), request.subjectName()), request.getPremises().getId(),
                Change.of("requested by " + request.getRequestedBy(), "rejected"), reason));
        recipients.of(request.getRequestedBy()).ifPresent(to -> notifications.notify(to, "requestRejected",
                request.getId(), describe(request), request.getPremises().getName(), actor.username(), reason.strip()));
        return request;
    }

    /** The requester takes back a request nobody has decided yet. */
    public AccessRequest withdraw(@NotNull Actor actor, long requestId) {
        AccessRequest request = pending(actor, Action.VIEW, requestId);
        if (!request.getRequestedBy().equals(actor.username())) {
            throw new AccessDeniedException(actor.username() + " may not withdraw another person's request");
        }
        request.decide(RequestState.WITHDRAWN, actor.username(), clock.instant(), null, null);
        audit.record(AuditEntry.by(actor, AuditAction.REQUEST_WITHDRAWN,
                new AuditTarget(AuditTargetType.ACCESS_REQUEST, request.getId(), request.subjectName()), request.getPremises().getId(),
                Change.to("withdrawn"), null));
        return request;
    }

    /** The request, found and in the caller's scope for {@code action} before its state is looked at. */
    private AccessRequest pending(Actor actor, Action action, long id) {
        AccessRequest request = authorizer.found(actor, action, java.util.Optional.ofNullable(
                em.find(AccessRequest.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)), AccessRequest::getPremises);
        if (request.getState().isDecided()) {
            throw RuleViolation.because("refusal.request.requestIsAlreadyBy", id, request.getState(), request.getDecidedBy());
        }
        return request;
    }

    /** The same user, or the same person under another portal login (their personal account). */
    private void refuseOwn(Actor actor, AccessRequest request) {
        boolean samePerson = actor.personalAccountId() != null && recipients.of(request.getRequestedBy())
                .flatMap(address -> accounts.findByAddress(MailAddress.of(address)))
                .map(a -> a.getId().equals(actor.personalAccountId())).orElse(false);
        if (request.getRequestedBy().equals(actor.username()) || samePerson) {
            throw RuleViolation.because("refusal.request.youCannotDecideYour");
        }
    }


    static String describe(AccessRequest r) {
        return RequestWords.of(r);
    }
}
