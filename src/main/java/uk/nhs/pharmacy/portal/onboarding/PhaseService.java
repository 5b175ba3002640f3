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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.organisation.AreaTree;
import uk.nhs.pharmacy.portal.organisation.OrganisationKind;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Onboarding phases, edited by the national team. A premises belongs to the earliest phase that
 * names its area or an area enclosing it; that is stored on the premises ({@code phase_id}) and
 * worked out again, in a few set-wise updates, whenever phases change and at start-up.
 */
@ApplicationScoped
@Transactional
public class PhaseService {

    @PersistenceContext
    EntityManager em;

    @Inject
    AreaTree areas;

    @Inject
    Authorizer authorizer;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Phase> phases() {
        return em.createQuery("select p from Phase p order by p.startsOn, p.name", Phase.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Phase> phase(long id) {
        return Optional.ofNullable(em.find(Phase.class, id));
    }

    /** Areas a phase can name: every area in the portal, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Object[]> areaChoices() {
        return em.createQuery("select o.id, o.name from Organisation o where o.kind = :area order by o.name", Object[].class)
                .setParameter("area", OrganisationKind.AREA).getResultList();
    }

    /** Creates ({@code id} null) or edits a phase; its areas by name, matched to the portal's areas. */
    public Phase save(@NotNull Actor actor, Long id, @NotBlank String name, @NotNull LocalDate startsOn,
                      @NotNull LocalDate endsOn, @NotNull List<String> areaNames) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        Phase phase;
        String before = null;
        if (id == null) {
            phase = new Phase(name, startsOn, endsOn);
            em.persist(phase);
        } else {
            phase = phase(id).orElseThrow(() -> RuleViolation.because("refusal.onboarding.noPhase", id));
            before = describe(phase);
            phase.edit(name, startsOn, endsOn);
        }
        List<PhaseArea> named = new ArrayList<>();
        for (String areaName : areaNames) {
            if (areaName != null && !areaName.isBlank()) {
                named.add(new PhaseArea(areaName, areaId(areaName.strip())));
            }
        }
        phase.coverAreas(named);
        em.flush();
        assignPremises();
        audit.record(AuditEntry.by(actor, id == null ? AuditAction.PHASE_CREATED : AuditAction.PHASE_CHANGED,
                new AuditTarget(AuditTargetType.PHASE, phase.getId(), phase.getName()), null,
                Change.of(before, describe(phase)), null));
        return phase;
    }

    private static String describe(Phase phase) {
        return phase.getName() + " " + phase.getStartsOn() + " to " + phase.getEndsOn() + ": " + phase.getAreaNames();
    }

    private Long areaId(String name) {
        return em.createQuery("select o.id from Organisation o where o.kind = :area and lower(o.name) = :name order by o.id",
                        Long.class)
                .setParameter("area", OrganisationKind.AREA).setParameter("name", name.toLowerCase(java.util.Locale.ROOT))
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /**
     * Matches phase areas named before the area existed, then puts every premises in its phase.
     * Only premises whose phase changes are written, so a start-up with nothing changed reads the
     * premises and writes none. Returns how many premises have a phase now.
     */
    public int assignPremises() {
        em.createNativeQuery("UPDATE phase_area SET area_id = (SELECT MIN(o.id) FROM organisation o WHERE o.kind = 'AREA' "
                + "AND LOWER(o.name) = LOWER(phase_area.area_name)) WHERE area_id IS NULL").executeUpdate();
        em.flush();
        em.clear();
        areas.invalidate();
        List<Phase> earliestFirst = new ArrayList<>(phases());
        earliestFirst.sort(Comparator.comparing(Phase::getStartsOn));
        Map<Long, Set<Long>> areasByPhase = new LinkedHashMap<>();
        Set<Long> placed = new HashSet<>();
        for (Phase phase : earliestFirst) { // an area belongs to the earliest phase that covers it
            Set<Long> own = new HashSet<>(covered(phase));
            own.removeAll(placed);
            placed.addAll(own);
            if (!own.isEmpty()) {
                areasByPhase.put(phase.getId(), own);
            }
        }
        areasByPhase.forEach((phaseId, areaIds) -> em.createNativeQuery(
                        "UPDATE organisation SET phase_id = ?1 WHERE kind = 'PREMISES' AND area_id IN (" + idList(areaIds)
                                + ") AND (phase_id IS NULL OR phase_id <> ?1)")
                .setParameter(1, phaseId).executeUpdate());
        em.createNativeQuery("UPDATE organisation SET phase_id = NULL WHERE kind = 'PREMISES' AND phase_id IS NOT NULL"
                + (placed.isEmpty() ? "" : " AND (area_id IS NULL OR area_id NOT IN (" + idList(placed) + "))")).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM organisation WHERE phase_id IS NOT NULL")
                .getSingleResult()).intValue();
    }

    private static String idList(Set<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private Set<Long> covered(Phase phase) {
        return areas.expand(phase.getAreas().stream().map(PhaseArea::getAreaId).filter(java.util.Objects::nonNull).toList());
    }

    /** The phase an area's premises belong to: the earliest naming the area or an enclosing one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Phase> phaseOfArea(Long areaId) {
        if (areaId == null) {
            return Optional.empty();
        }
        return phases().stream().filter(p -> covered(p).contains(areaId)).findFirst();
    }
}
