package uk.nhs.pharmacy.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

@ApplicationScoped
public class UserRepository {

    @PersistenceContext
    EntityManager em;

    /** The user with their scope, in one query: every signed-in request asks for both. */
    public Optional<PortalUser> findByUsername(String username) {
        return em.createQuery("select distinct u from PortalUser u left join fetch u.scopeOrganisationIds "
                        + "where u.username = :name", PortalUser.class)
                .setParameter("name", PortalUser.normaliseUsername(username))
                .getResultStream().findFirst();
    }

    /** The users with these usernames (as stored: normalised), in one query; none for none. */
    public java.util.List<PortalUser> findByUsernames(java.util.Collection<String> usernames) {
        return usernames.isEmpty() ? java.util.List.of()
                : em.createQuery("select u from PortalUser u where u.username in :names", PortalUser.class)
                .setParameter("names", usernames).getResultList();
    }

    /** Enabled users with a role, e.g. every LOA, for finding whose scope covers a premises. */
    public java.util.List<PortalUser> enabledWithRole(Role role) {
        return em.createQuery("select u from PortalUser u where u.role = :role and u.enabled = true order by u.id",
                PortalUser.class).setParameter("role", role).getResultList();
    }
}
