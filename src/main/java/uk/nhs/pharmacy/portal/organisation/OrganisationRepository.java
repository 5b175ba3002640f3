package uk.nhs.pharmacy.portal.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class OrganisationRepository {

    @PersistenceContext
    EntityManager em;

    public Optional<Organisation> find(long id) {
        return Optional.ofNullable(em.find(Organisation.class, id));
    }

    public Optional<Organisation> findByOdsCode(OdsCode code) {
        return em.createQuery("select o from Organisation o where o.odsCode = :code", Organisation.class)
                .setParameter("code", code)
                .getResultStream().findFirst();
    }

    public void add(Organisation organisation) {
        em.persist(organisation);
    }

    /** Every area as (id, enclosing area id); a few hundred rows nationally. */
    public List<Object[]> areaLinks() {
        return em.createQuery("select a.id, p.id from Organisation a left join a.parent p "
                        + "where a.kind = :kind", Object[].class)
                .setParameter("kind", OrganisationKind.AREA)
                .getResultList();
    }

    public long countByKind(OrganisationKind kind) {
        return em.createQuery("select count(o) from Organisation o where o.kind = :kind", Long.class)
                .setParameter("kind", kind).getSingleResult();
    }
}
