package uk.nhs.pharmacy.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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

    public void add(PersonalAccount account) {
        em.persist(account);
    }
}
