package uk.nhs.pharmacy.portal.deputy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.DeputyAppointment;
import uk.nhs.pharmacy.portal.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sees which appointments: the national team every one; anyone else those they are absent
 * for, deputise in, or made. Paged and filtered in the database.
 */
@ApplicationScoped
public class DeputyQueries {

    /** Which appointments a list shows. */
    public enum Show { CURRENT, ALL }

    private static final String CURRENT = "a.endedAt is null and a.endsAt > :now";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    static boolean sees(Actor actor, DeputyAppointment a) {
        return actor.is(Role.NATIONAL_ADMIN) || actor.username().equals(a.getAbsentUsername())
                || actor.username().equals(a.getDeputyUsername()) || actor.username().equals(a.getAppointedBy());
    }

    public DeputyAppointment appointment(Actor actor, long id) {
        return Optional.ofNullable(em.find(DeputyAppointment.class, id)).filter(a -> sees(actor, a)).orElseThrow(NotFound::new);
    }

    /** Current ones soonest first (running before upcoming); all of them newest first. */
    public List<DeputyAppointment> page(Actor actor, Show show, int first, int size) {
        TypedQuery<DeputyAppointment> query = em.createQuery("select a from DeputyAppointment a where " + where(actor, show)
                + (show == Show.CURRENT ? " order by a.startsAt, a.id" : " order by a.startsAt desc, a.id desc"), DeputyAppointment.class);
        return bind(query, actor, show).setFirstResult(first).setMaxResults(size).getResultList();
    }

    public long count(Actor actor, Show show) {
        return bind(em.createQuery("select count(a) from DeputyAppointment a where " + where(actor, show), Long.class),
                actor, show).getSingleResult();
    }

    /** The words for the organisations of a page of appointments' parts, by id ("Bolton (E08000001)"). */
    public Map<Long, String> placeNames(List<DeputyAppointment> appointments) {
        Set<Long> ids = appointments.stream().flatMap(a -> a.getScopeOrganisationIds().stream()).collect(Collectors.toSet());
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Organisation o : em.createQuery("select o from Organisation o where o.id in :ids", Organisation.class)
                    .setParameter("ids", ids).getResultList()) {
                names.put(o.getId(), o.getName() + " (" + o.getOdsCode().value() + ")");
            }
        }
        return names;
    }

    public Instant now() {
        return clock.instant();
    }

    private static String where(Actor actor, Show show) {
        String mine = actor.is(Role.NATIONAL_ADMIN) ? "1 = 1"
                : "(a.absentUsername = :me or a.deputyUsername = :me or a.appointedBy = :me)";
        return show == Show.CURRENT ? mine + " and " + CURRENT : mine;
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query, Actor actor, Show show) {
        if (!actor.is(Role.NATIONAL_ADMIN)) {
            query.setParameter("me", actor.username());
        }
        if (show == Show.CURRENT) {
            query.setParameter("now", clock.instant());
        }
        return query;
    }
}
