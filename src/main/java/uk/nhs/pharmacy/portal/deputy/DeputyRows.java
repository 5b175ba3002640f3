package uk.nhs.pharmacy.portal.deputy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.DeputyAppointment;
import uk.nhs.pharmacy.portal.security.PortalUser;
import uk.nhs.pharmacy.portal.security.Role;
import uk.nhs.pharmacy.portal.security.UserRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Puts a page of appointments into words for the screens. */
@ApplicationScoped
public class DeputyRows {

    @Inject
    DeputyQueries queries;

    @Inject
    UserRepository users;

    public List<DeputyRow> page(Actor actor, DeputyQueries.Show show, int first, int size) {
        List<DeputyAppointment> page = queries.page(actor, show, first, size);
        Map<Long, String> places = queries.placeNames(page);
        Instant now = queries.now();
        Map<String, String> names = users.findByUsernames(page.stream()
                        .flatMap(a -> java.util.stream.Stream.of(a.getAbsentUsername(), a.getDeputyUsername())).distinct().toList())
                .stream().collect(Collectors.toMap(PortalUser::getUsername, u -> u.getDisplayName() + " (" + u.getUsername() + ")"));
        return page.stream().map(a -> new DeputyRow(a.getId(), names.getOrDefault(a.getAbsentUsername(), a.getAbsentUsername()),
                names.getOrDefault(a.getDeputyUsername(), a.getDeputyUsername()),
                a.getFirstDay(), a.getLastDay(), a.coversAllOfTheScope() ? null
                        : a.getScopeOrganisationIds().stream().map(places::get).sorted().collect(Collectors.joining(", ")),
                a.getReason(), a.getAppointedBy(), a.isLiveAt(now) ? "RUNNING" : a.isOverAt(now) ? "OVER" : "UPCOMING",
                !a.isOverAt(now) && (actor.is(Role.NATIONAL_ADMIN) || actor.username().equals(a.getAbsentUsername())
                        || actor.username().equals(a.getAppointedBy())))).toList();
    }

    /** The LOAs an LOA may choose as their deputy: every other enabled LOA, by name. */
    public List<PortalUser> otherLoas(Actor actor) {
        return users.enabledWithRole(Role.LOA).stream().filter(u -> !u.getUsername().equals(actor.username()))
                .sorted(java.util.Comparator.comparing(PortalUser::getDisplayName)).toList();
    }
}
