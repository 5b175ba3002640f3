package uk.nhs.pharmacy.portal.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.account.AccountRepository;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.security.Actors;
import uk.nhs.pharmacy.portal.security.OrganisationPlace;
import uk.nhs.pharmacy.portal.security.PortalUser;
import uk.nhs.pharmacy.portal.security.Role;
import uk.nhs.pharmacy.portal.security.UserRepository;

import java.util.List;
import java.time.Clock;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.Optional;

/** Who gets told: portal users' NHSmail addresses (their own personal accounts). */
@ApplicationScoped
public class Recipients {

    @Inject
    UserRepository users;

    @Inject
    Actors actors;

    @Inject
    AccountRepository accounts;

    @Inject
    Clock clock;

    /**
     * Users with a role whose scope covers the premises (LOAs for a request, owners for an expiry);
     * for LOAs, also the deputies of LOAs on leave whose delegated part covers it.
     */
    public List<String> inScope(Role role, Organisation premises) {
        OrganisationPlace place = OrganisationPlace.of(premises);
        Stream<PortalUser> told = users.enabledWithRole(role).stream()
                .filter(u -> actors.inOwnRight(u).scope().covers(place));
        if (role == Role.LOA) {
            told = Stream.concat(told, actors.deputiesCovering(place, clock.instant()).stream()
                    .map(users::findByUsername).flatMap(Optional::stream).filter(PortalUser::isEnabled));
        }
        return told.map(this::address).filter(Objects::nonNull).distinct().toList();
    }

    public Optional<String> of(String username) {
        return users.findByUsername(username).map(this::address);
    }

    private String address(PortalUser user) {
        return user.getPersonalAccountId() == null ? null
                : accounts.find(user.getPersonalAccountId()).map(PersonalAccount::getAddress).map(a -> a.value()).orElse(null);
    }
}
