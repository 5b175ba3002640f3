package uk.nhs.pharmacy.portal.onboarding;

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
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;

/** The national team flags NUMSAS providers; their open registration requests move to the front of the queue. */
@ApplicationScoped
@Transactional
public class NumsasProviders {

    @PersistenceContext
    EntityManager em;

    @Inject
    OrganisationRepository organisations;

    @Inject
    Authorizer authorizer;

    @Inject
    AuditLog audit;

    public void flag(@NotNull Actor actor, long premisesId, boolean providesNumsas) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        Organisation premises = organisations.find(premisesId).filter(Organisation::isPremises)
                .orElseThrow(() -> RuleViolation.because("refusal.common.noPremises", premisesId));
        if (premises.isNumsas() == providesNumsas) {
            return;
        }
        premises.flagNumsas(providesNumsas);
        em.createQuery("update RegistrationRequest r set r.numsas = :numsas where r.odsCode = :ods and r.state = :open")
                .setParameter("numsas", providesNumsas).setParameter("ods", premises.getOdsCode())
                .setParameter("open", RegistrationState.SUBMITTED).executeUpdate();
        audit.record(AuditEntry.by(actor, AuditAction.NUMSAS_FLAGGED,
                new AuditTarget(AuditTargetType.ORGANISATION, premisesId, premises.getOdsCode().value()), premisesId,
                Change.of(String.valueOf(!providesNumsas), String.valueOf(providesNumsas)), null));
    }
}
