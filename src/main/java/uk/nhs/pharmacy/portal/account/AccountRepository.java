package uk.nhs.pharmacy.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class AccountRepository {

    @PersistenceContext
    EntityManager em;

    public Optional<PersonalAccount> find(long id) {
        return Optional.ofNullable(em.find(PersonalAccount.class, id));
    }

    public Optional<PersonalAccount> findByAddress(MailAddress address) {
        return em.createQuery("select a from PersonalAccount a where a.address = :address", PersonalAccount.class)
                .setParameter("address", address)
                .getResultStream().findFirst();
    }

    /**
     * Active accounts whose address starts with the text, or whose surname does (then optionally
     * ", first name"); at most {@code max}, both lookups on an index.
     */
    public List<PersonalAccount> searchActive(String text, int max) {
        String t = text == null ? "" : text.strip();
        if (t.length() < 2) {
            return List.of();
        }
        List<PersonalAccount> found = new ArrayList<>(em.createQuery("select a from PersonalAccount a left join fetch a.homeOrganisation where a.address "
                        + "like :prefix and a.status = :active order by a.address", PersonalAccount.class)
                .setParameter("prefix", likePrefix(t.toLowerCase(Locale.ROOT)))
                .setParameter("active", AccountStatus.ACTIVE)
                .setMaxResults(max).getResultList());
        if (found.size() < max && !t.contains("@")) {
            String surname = t.contains(" ") ? t.substring(t.lastIndexOf(' ') + 1) : t;
            String capitalised = surname.substring(0, 1).toUpperCase(Locale.ROOT) + surname.substring(1).toLowerCase(Locale.ROOT);
            for (PersonalAccount a : em.createQuery("select a from PersonalAccount a left join fetch a.homeOrganisation where a.lastName like :prefix "
                            + "and a.status = :active order by a.lastName, a.firstName", PersonalAccount.class)
                    .setParameter("prefix", likePrefix(capitalised))
                    .setParameter("active", AccountStatus.ACTIVE)
                    .setMaxResults(max - found.size()).getResultList()) {
                if (!found.contains(a)) {
                    found.add(a);
                }
            }
        }
        return found;
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "").replace("%", "").replace("_", "\\_") + "%";
    }

    public void add(PersonalAccount account) {
        em.persist(account);
    }
}
