package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import uk.nhs.pharmacy.portal.organisation.AreaTree;
import uk.nhs.pharmacy.portal.organisation.Organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a portal user into an {@link Actor}: role, scope expanded to every nested area, and the
 * deputy appointments running for them at the time.
 */
@ApplicationScoped
public class Actors {

    @Inject
    UserRepository users;

    @Inject
    AreaTree areas;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    public Optional<Actor> forUsername(String username) {
        return users.findByUsername(username).filter(PortalUser::isEnabled).map(this::forUser);
    }

    public Actor forUser(PortalUser user) {
        return forUser(user, clock.instant());
    }

    /** The user as they are at {@code now}: deputising where an appointment runs then. */
    public Actor forUser(PortalUser user, Instant now) {
        Actor own = inOwnRight(user);
        if (user.getRole() == Role.NATIONAL_ADMIN) {
            return own;
        }
        List<Deputyship> running = deputyships(user.getUsername(), now);
        return running.isEmpty() ? own : own.deputising(running);
    }

    /** The user with their own scope only, as if no appointment ran. */
    public Actor inOwnRight(PortalUser user) {
        return Actor.user(user.getUsername(), user.getRole(), scopeOf(user), user.getPersonalAccountId());
    }

    /**
     * The appointments running for a deputy, each with the part of the absent LOA's scope it
     * delegates, as that LOA's scope is now: an absent user who is no longer an enabled LOA delegates
     * nothing, and a part they no longer cover is dropped.
     */
    public List<Deputyship> deputyships(String deputyUsername, Instant now) {
        List<Deputyship> running = new ArrayList<>();
        for (DeputyAppointment a : em.createQuery("select a from DeputyAppointment a where a.deputyUsername = :me and "
                + DeputyAppointment.LIVE + " order by a.id", DeputyAppointment.class)
                .setParameter("me", deputyUsername).setParameter("now", now).getResultList()) {
            users.findByUsername(a.getAbsentUsername()).filter(u -> u.isEnabled() && u.getRole() == Role.LOA)
                    .map(absent -> delegated(a, scopeOf(absent)))
                    .filter(scope -> !scope.isEmpty())
                    .ifPresent(scope -> running.add(new Deputyship(a.getId(), a.getAbsentUsername(), scope)));
        }
        return running;
    }

    /** The deputies whose running appointments cover the place: they are told what its LOAs are told. */
    public List<String> deputiesCovering(OrganisationPlace place, Instant now) {
        List<String> deputies = em.createQuery("select distinct a.deputyUsername from DeputyAppointment a where "
                + DeputyAppointment.LIVE, String.class).setParameter("now", now).getResultList();
        return deputies.stream().filter(d -> deputyships(d, now).stream().anyMatch(s -> s.scope().covers(place))).toList();
    }

    private Scope delegated(DeputyAppointment appointment, Scope absentScope) {
        if (appointment.coversAllOfTheScope()) {
            return absentScope;
        }
        Scope part = scopeOf(appointment.getScopeOrganisationIds());
        Set<Long> areaIds = new HashSet<>(part.areaIds());
        areaIds.retainAll(absentScope.areaIds());
        Set<Long> organisationIds = new HashSet<>();
        for (Long id : part.organisationIds()) {
            Organisation o = em.find(Organisation.class, id);
            if (o != null && absentScope.covers(OrganisationPlace.of(o))) {
                organisationIds.add(id);
            }
        }
        return new Scope(areaIds, organisationIds);
    }

    /**
     * An HR system's actor: {@code hr:} and its token's name, lower-case as usernames are (the audit
     * search finds an actor by it), and the token's organisations as its scope.
     */
    public Actor forHrSystem(String tokenName, Set<Long> organisationIds) {
        return Actor.user("hr:" + tokenName.toLowerCase(java.util.Locale.ROOT), Role.HR_SYSTEM, scopeOf(organisationIds), null);
    }

    private Scope scopeOf(PortalUser user) {
        if (user.getRole() == Role.NATIONAL_ADMIN) {
            return Scope.NONE; // national administrators are not limited by scope
        }
        return scopeOf(user.getScopeOrganisationIds());
    }

    private Scope scopeOf(Set<Long> ids) {
        Set<Long> organisationIds = new HashSet<>();
        for (Long id : ids) {
            if (!areas.isArea(id)) {
                organisationIds.add(id);
            }
        }
        return new Scope(areas.expand(ids), organisationIds);
    }
}
