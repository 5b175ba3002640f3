package uk.nhs.pharmacy.portal.sending;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import uk.nhs.pharmacy.portal.organisation.OrganisationKind;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.provisioning.SocketmapLookup;
import uk.nhs.pharmacy.portal.security.AccessDeniedException;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;
import uk.nhs.pharmacy.portal.security.Role;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Contractors' trading disclosures: read and edited by the contractor's owners, the national team and
 * the LOAs with one of its premises in scope (others: not found), each edit audited; the legal footer
 * made from them, for the contractor's page and for the mail platform's content filter (the socketmap
 * map {@code footer}, asked with a premises mailbox); and the completeness report.
 */
@ApplicationScoped
@Transactional
public class Disclosures implements SocketmapLookup {

    @PersistenceContext
    EntityManager em;

    @Inject
    OrganisationRepository organisations;

    @Inject
    Authorizer authorizer;

    @Inject
    PremisesMailboxes premisesMailboxes;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A contractor's page: the details (null if none yet), what is missing, the footer they make, and whether the reader may edit. */
    public record Page(Organisation contractor, Disclosure details, List<String> missing, Optional<String> footer, boolean editable)
            implements java.io.Serializable {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(@NotNull Actor actor, @NotNull OdsCode contractorCode) {
        Organisation contractor = visibleContractor(actor, contractorCode);
        Disclosure details = em.find(Disclosure.class, contractor.getId());
        return new Page(contractor, details, details == null ? List.of("disclosure.none") : details.missing(),
                Footer.of(contractor.getName(), details), mayEdit(actor, contractor));
    }

    public Disclosure save(@NotNull Actor actor, @NotNull OdsCode contractorCode, @NotNull @Valid DisclosureInput input) {
        Organisation contractor = visibleContractor(actor, contractorCode);
        if (!mayEdit(actor, contractor)) {
            throw new AccessDeniedException(actor.username() + " may not edit the disclosures of " + contractor.getOdsCode());
        }
        Disclosure details = em.find(Disclosure.class, contractor.getId());
        String before = details == null ? "none" : details.describe();
        if (details == null) {
            details = new Disclosure(contractor.getId());
            details.change(input, actor.username(), clock.instant());
            em.persist(details);
        } else {
            details.change(input, actor.username(), clock.instant());
        }
        audit.record(AuditEntry.by(actor, AuditAction.DISCLOSURE_CHANGED,
                new AuditTarget(AuditTargetType.ORGANISATION, contractor.getId(), contractor.getOdsCode().value()), contractor.getId(),
                Change.of(before, details.describe()), null));
        return details;
    }

    /** Contractors with premises in the reader's scope whose details are missing or incomplete, by name, one page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Object[]> incomplete(@NotNull Actor actor, int first, int max) {
        if (actor.is(Role.OWNER) || actor.is(Role.HR_SYSTEM)) {
            throw new AccessDeniedException(actor.username() + " may not read the completeness report");
        }
        return ScopeQuery.bind(em.createQuery("select c.odsCode, c.name, d.legalForm, count(distinct p.id) from Organisation c "
                                + "join Organisation p on p.parent = c and p.kind = :premises "
                                + "left join Disclosure d on d.contractorId = c.id "
                                + "where c.kind = :contractor and (d.contractorId is null or d.complete = false) and "
                                + ScopeQuery.condition(actor, "p") + " group by c.odsCode, c.name, d.legalForm order by c.name",
                        Object[].class)
                .setParameter("premises", OrganisationKind.PREMISES).setParameter("contractor", OrganisationKind.CONTRACTOR), actor)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /**
     * The same report by area: for each area with premises in the reader's scope, how many of its
     * premises belong to a contractor whose details are missing or incomplete, and how many contractors.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Object[]> incompleteByArea(@NotNull Actor actor) {
        if (actor.is(Role.OWNER) || actor.is(Role.HR_SYSTEM)) {
            throw new AccessDeniedException(actor.username() + " may not read the completeness report");
        }
        // Joins written with ON, as in incomplete(): EclipseLink puts a path join after the ON join to
        // Disclosure, which then names a table not yet joined.
        return ScopeQuery.bind(em.createQuery("select a.name, count(p.id), count(distinct c.id) from Organisation c "
                        + "join Organisation p on p.parent = c join Organisation a on p.area = a "
                        + "left join Disclosure d on d.contractorId = c.id "
                        + "where p.kind = :premises and (d.contractorId is null or d.complete = false) and "
                        + ScopeQuery.condition(actor, "p") + " group by a.name order by a.name", Object[].class)
                .setParameter("premises", OrganisationKind.PREMISES), actor).setMaxResults(1000).getResultList();
    }

    private Organisation visibleContractor(Actor actor, OdsCode code) {
        Organisation contractor = organisations.findByOdsCode(code).filter(o -> o.getKind() == OrganisationKind.CONTRACTOR)
                .orElseThrow(NotFound::new);
        if (!authorizer.may(actor, Action.VIEW, contractor) && !loaWithPremisesOf(actor, contractor)) {
            throw new NotFound();
        }
        return contractor;
    }

    private boolean mayEdit(Actor actor, Organisation contractor) {
        return authorizer.may(actor, Action.EDIT_DISCLOSURE, contractor) || loaWithPremisesOf(actor, contractor);
    }

    /** An LOA's scope is areas, which a contractor is not in: they reach it through one of its premises. */
    private boolean loaWithPremisesOf(Actor actor, Organisation contractor) {
        if (!actor.is(Role.LOA)) {
            return false;
        }
        return !ScopeQuery.bind(em.createQuery("select p.id from Organisation p where p.parent = :contractor and p.kind = :premises and "
                        + ScopeQuery.condition(actor, "p"), Long.class)
                .setParameter("contractor", contractor).setParameter("premises", OrganisationKind.PREMISES), actor)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The content filter's question: "footer &lt;premises mailbox&gt;", answered with the footer, or NOTFOUND. */
    @Override
    public String map() {
        return "footer";
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> find(String mailbox) {
        return premisesMailboxes.premisesOf(mailbox).map(Organisation::getParent).flatMap(contractor ->
                Footer.of(contractor.getName(), em.find(Disclosure.class, contractor.getId())));
    }
}
