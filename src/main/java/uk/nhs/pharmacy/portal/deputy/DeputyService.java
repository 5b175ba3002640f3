package uk.nhs.pharmacy.portal.deputy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.nhs.pharmacy.portal.audit.AuditAction;
import uk.nhs.pharmacy.portal.audit.AuditEntry;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.audit.AuditTarget;
import uk.nhs.pharmacy.portal.audit.AuditTargetType;
import uk.nhs.pharmacy.portal.audit.Change;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.security.AccessDeniedException;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Actors;
import uk.nhs.pharmacy.portal.security.Authorizer;
import uk.nhs.pharmacy.portal.security.DeputyAppointment;
import uk.nhs.pharmacy.portal.security.OrganisationPlace;
import uk.nhs.pharmacy.portal.security.PortalUser;
import uk.nhs.pharmacy.portal.security.Role;
import uk.nhs.pharmacy.portal.security.Scope;
import uk.nhs.pharmacy.portal.security.UserRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Appoints deputies and ends appointments. An LOA appoints another LOA for themselves, over all or
 * part of their own scope (scope they hold as a deputy cannot be handed on: {@code APPOINT_DEPUTY}
 * looks at their own scope only); the national team appoints anyone with a portal role for any LOA.
 * The absent LOA, whoever appointed, and the national team may end one early. Both are audited.
 */
@ApplicationScoped
@Transactional
public class DeputyService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Authorizer authorizer;

    @Inject
    UserRepository users;

    @Inject
    Actors actors;

    @Inject
    OrganisationRepository organisations;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public DeputyAppointment appoint(@NotNull Actor actor, @NotNull @Valid DeputyInput input) {
        authorizer.check(actor, Action.APPOINT_DEPUTY);
        Set<Organisation> part = new LinkedHashSet<>();
        for (OdsCode code : input.scope()) { // scope first: a part out of the appointer's own scope is missing
            part.add(authorizer.found(actor, Action.APPOINT_DEPUTY, organisations.findByOdsCode(code), o -> o));
        }
        boolean national = actor.is(Role.NATIONAL_ADMIN);
        String absentName = input.absent() == null || input.absent().isBlank() ? actor.username()
                : PortalUser.normaliseUsername(input.absent());
        if (!national && !absentName.equals(actor.username())) {
            throw new AccessDeniedException(actor.username() + " may appoint a deputy only for themselves");
        }
        PortalUser absent = users.findByUsername(absentName).filter(PortalUser::isEnabled)
                .filter(u -> u.getRole() == Role.LOA)
                .orElseThrow(() -> RuleViolation.because("refusal.deputy.absentIsNoLoa", absentName));
        PortalUser deputy = users.findByUsername(input.deputy()).filter(PortalUser::isEnabled)
                .filter(u -> u.getRole() != Role.HR_SYSTEM)
                .orElseThrow(() -> RuleViolation.because("refusal.deputy.noSuchUser", input.deputy()));
        if (!national && deputy.getRole() != Role.LOA) {
            throw RuleViolation.because("refusal.deputy.mustBeAnLoa", deputy.getUsername());
        }
        Scope absentScope = actors.inOwnRight(absent).scope();
        Set<Long> partIds = new LinkedHashSet<>();
        for (Organisation organisation : part) {
            if (!absentScope.covers(OrganisationPlace.of(organisation))) {
                throw RuleViolation.because("refusal.deputy.notInTheirScope", organisation.getOdsCode().value(), absent.getUsername());
            }
            partIds.add(organisation.getId());
        }
        Instant now = clock.instant();
        DeputyAppointment appointment = new DeputyAppointment(absent.getUsername(), deputy.getUsername(), input.firstDay(),
                input.lastDay(), partIds, input.reason().strip(), actor.username(), now);
        em.persist(appointment);
        em.flush();
        audit.record(AuditEntry.by(actor, AuditAction.DEPUTY_APPOINTED, target(appointment),
                auditOrganisation(appointment, absent), Change.to(describe(appointment)), appointment.getReason()));
        return appointment;
    }

    /** Ends a running appointment now, or cancels one that has not started. */
    public DeputyAppointment end(@NotNull Actor actor, long appointmentId) {
        DeputyAppointment appointment = Optional.ofNullable(em.find(DeputyAppointment.class, appointmentId,
                LockModeType.PESSIMISTIC_WRITE)).filter(a -> DeputyQueries.sees(actor, a)).orElseThrow(NotFound::new);
        boolean mayEnd = actor.is(Role.NATIONAL_ADMIN) || actor.username().equals(appointment.getAbsentUsername())
                || actor.username().equals(appointment.getAppointedBy());
        if (!mayEnd) {
            throw new AccessDeniedException(actor.username() + " may not end appointment " + appointmentId);
        }
        String before = describe(appointment);
        appointment.end(actor.username(), clock.instant());
        audit.record(AuditEntry.by(actor, AuditAction.DEPUTY_ENDED, target(appointment),
                auditOrganisation(appointment, users.findByUsername(appointment.getAbsentUsername()).orElse(null)),
                new Change(before, describe(appointment)), null));
        return appointment;
    }

    private static AuditTarget target(DeputyAppointment a) {
        return new AuditTarget(AuditTargetType.DEPUTY_APPOINTMENT, a.getId(), a.getDeputyUsername() + " for " + a.getAbsentUsername());
    }

    /** The organisation the audit search files it under: the first delegated one, or the absent LOA's. */
    private static Long auditOrganisation(DeputyAppointment a, PortalUser absent) {
        return a.getScopeOrganisationIds().stream().findFirst()
                .or(() -> absent == null ? Optional.empty() : absent.getScopeOrganisationIds().stream().sorted().findFirst())
                .orElse(null);
    }

    static String describe(DeputyAppointment a) {
        return a.getDeputyUsername() + " deputises for " + a.getAbsentUsername() + " from " + UkTime.words(a.getFirstDay())
                + " to " + UkTime.words(a.getLastDay())
                + (a.coversAllOfTheScope() ? ", all of their scope" : ", " + a.getScopeOrganisationIds().size() + " of their organisations")
                + (a.getEndedAt() == null ? "" : ", ended by " + a.getEndedBy() + " at " + a.getEndedAt());
    }
}
