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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.nhs.pharmacy.portal.platform.PersonName;
import uk.nhs.pharmacy.portal.platform.Reason;
import uk.nhs.pharmacy.portal.account.AccountService;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.mailbox.MailboxService;
import uk.nhs.pharmacy.portal.mailbox.Permission;
import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.notification.NotificationOutbox;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationKind;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.FileDigest;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;
import uk.nhs.pharmacy.portal.security.Role;

import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registration requests: one from the form, many from a spreadsheet (previewed, then stored by a
 * background job), and the national team's decision. Approving provisions the premises (if new),
 * its conforming shared mailbox and the first personal accounts, the first of them its owner, all
 * in one transaction through the same services an LOA's own changes use.
 */
@ApplicationScoped
@Transactional
public class RegistrationService {

    /** A person to create an account for on approval. */
    public record FirstAccount(@PersonName String firstName, @PersonName String lastName, @NotNull JobRole jobRole)
            implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    RegistrationChecks checks;

    @Inject
    RegistrationImportRunner runner;

    @Inject
    OrganisationRepository organisations;

    @Inject
    MailboxService mailboxes;

    @Inject
    AccountService accounts;

    @Inject
    PhaseService phases;

    @Inject
    Authorizer authorizer;

    @Inject
    AuditLog audit;

    @Inject
    NotificationOutbox notifications;

    @Inject
    Clock clock;

    /** One premises' request from the form. Received now: that time is kept as evidence. */
    public RegistrationRequest submit(@NotNull Actor actor, @NotNull @Valid RegistrationDetails details) {
        Long contractor = contractorOf(actor);
        RegistrationChecks.Known known = checks.check(actor, List.of(details.odsCode())).get(details.odsCode());
        if (known != null && known.problem() != null) {
            throw RuleViolation.because("refusal.onboarding.refused", details.odsCode(), known.problem());
        }
        RegistrationRequest request = new RegistrationRequest(details, actor.username(), clock.instant(), contractor);
        place(request, known, new HashMap<>());
        em.persist(request);
        em.flush(); // a request for the same code at the same moment fails here, on the unique live code
        audit.record(AuditEntry.by(actor, AuditAction.REGISTRATION_RECEIVED,
                new AuditTarget(AuditTargetType.REGISTRATION, request.getId(), details.odsCode().value()), request.getPremisesId(),
                Change.to(describe(request)), null));
        return request;
    }

    /** Owners register for their own contractor; the national team for anyone; LOAs do not. */
    private Long contractorOf(Actor actor) {
        if (authorizer.may(actor, Action.ADMINISTER_NATIONAL)) {
            return null;
        }
        Long contractor = ownContractor(actor);
        authorizer.check(actor, Action.REGISTER_PREMISES, contractor == null ? null : organisations.find(contractor).orElseThrow());
        return contractor;
    }

    /** The contractor an owner's requests are for; null for the national team. */
    static Long ownContractor(Actor actor) {
        return actor.is(Role.OWNER) && !actor.scope().organisationIds().isEmpty()
                ? actor.scope().organisationIds().iterator().next() : null;
    }

    void place(RegistrationRequest request, RegistrationChecks.Known known, Map<String, Long> memo) {
        if (known != null) {
            request.place(known.premisesId(), known.areaId(), known.numsas());
        } else {
            request.place(null, checks.areaByPostcode(request.getPostcode(), memo), false);
        }
    }

    /** Every row of a spreadsheet with its outcome; writes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegistrationFile.Line> preview(@NotNull Actor actor, byte[] content) {
        contractorOf(actor);
        return checkAll(actor, RegistrationFile.parse(content));
    }

    /** Rows rejected for being in the file twice or for what the database holds; the rest as they were. */
    List<RegistrationFile.Line> checkAll(Actor actor, List<RegistrationFile.Line> lines) {
        List<RegistrationFile.Line> checked = repeatsWithinFile(lines);
        for (int from = 0; from < checked.size(); from += 1000) {
            List<RegistrationFile.Line> batch = checked.subList(from, Math.min(checked.size(), from + 1000));
            List<RegistrationFile.Line> against = againstDatabase(batch, checks.check(actor, okCodes(batch)));
            for (int i = 0; i < batch.size(); i++) {
                batch.set(i, against.get(i));
            }
        }
        return checked;
    }

    /** The second and later rows of the same ODS code, rejected. */
    static List<RegistrationFile.Line> repeatsWithinFile(List<RegistrationFile.Line> lines) {
        List<RegistrationFile.Line> checked = new ArrayList<>(lines.size());
        Map<OdsCode, Integer> firstRow = new HashMap<>();
        for (RegistrationFile.Line line : lines) {
            Integer first = line.ok() ? firstRow.putIfAbsent(line.details().odsCode(), line.rowNo()) : null;
            checked.add(first == null ? line : line.rejected("Pharmacy ODS code: " + line.details().odsCode()
                    + " is also on row " + first));
        }
        return checked;
    }

    static List<OdsCode> okCodes(List<RegistrationFile.Line> lines) {
        return lines.stream().filter(RegistrationFile.Line::ok).map(l -> l.details().odsCode()).toList();
    }

    static List<RegistrationFile.Line> againstDatabase(List<RegistrationFile.Line> lines,
                                                       Map<OdsCode, RegistrationChecks.Known> known) {
        List<RegistrationFile.Line> checked = new ArrayList<>(lines.size());
        for (RegistrationFile.Line line : lines) {
            RegistrationChecks.Known k = line.ok() ? known.get(line.details().odsCode()) : null;
            checked.add(k != null && k.problem() != null
                    ? line.rejected("Pharmacy ODS code: " + line.details().odsCode() + " " + k.problem()) : line);
        }
        return checked;
    }

    /**
     * Keeps the file and starts the background job that stores its good rows. The same file from
     * the same person gives back the upload it already made; nothing is stored twice.
     */
    public RegistrationUpload accept(@NotNull Actor actor, String fileName, byte[] content) {
        contractorOf(actor);
        String sha = FileDigest.sha256(content);
        Optional<RegistrationUpload> already = em.createQuery("select u from RegistrationUpload u where u.fileSha256 = :sha "
                        + "and u.uploadedBy = :by", RegistrationUpload.class)
                .setParameter("sha", sha).setParameter("by", actor.username()).getResultStream().findFirst();
        if (already.isPresent()) {
            return already.get();
        }
        List<RegistrationFile.Line> lines = RegistrationFile.parse(content);
        if (lines.isEmpty()) {
            throw RuleViolation.because("refusal.onboarding.theFileHasNo");
        }
        RegistrationUpload upload = new RegistrationUpload(fileName, sha, content, lines.size(), actor.username(), clock.instant());
        em.persist(upload);
        em.flush();
        audit.record(AuditEntry.by(actor, AuditAction.REGISTRATIONS_UPLOADED,
                new AuditTarget(AuditTargetType.REGISTRATION_UPLOAD, upload.getId(), upload.getFileName()), null,
                Change.to(lines.size() + " rows"), null));
        runner.startAfterCommit(upload.getId());
        return upload;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RegistrationUpload> upload(@NotNull Actor actor, long id) {
        // Read past the shared cache: the job's progress is committed by another thread every batch.
        return em.createQuery("select u from RegistrationUpload u where u.id = :id", RegistrationUpload.class)
                .setParameter("id", id).setHint("jakarta.persistence.cache.retrieveMode", jakarta.persistence.CacheRetrieveMode.BYPASS)
                .getResultStream().findFirst()
                .filter(u -> u.getUploadedBy().equals(actor.username()) || authorizer.may(actor, Action.ADMINISTER_NATIONAL));
    }

    /** The rows an upload refused, with their reasons, in file order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Object[]> rejections(@NotNull Actor actor, long uploadId) {
        if (upload(actor, uploadId).isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT row_no, ods_code, reason FROM registration_rejection "
                + "WHERE upload_id = ?1 ORDER BY row_no").setParameter(1, uploadId).getResultList();
        return rows;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RegistrationRequest> request(@NotNull Actor actor, long id) {
        RegistrationRequest request = em.find(RegistrationRequest.class, id);
        if (request == null || !(authorizer.may(actor, Action.ADMINISTER_NATIONAL) || request.getSubmittedBy().equals(actor.username()))) {
            return Optional.empty();
        }
        return Optional.of(request);
    }

    /**
     * Approves a request: the premises (created in {@code areaId} if new), its conforming mailbox,
     * and an account for each of {@code firstAccounts}, linked with Full Access and Send As; the
     * first is the mailbox's owner.
     */
    public RegistrationRequest approve(@NotNull Actor actor, long id, Long areaId, @NotNull List<@Valid FirstAccount> firstAccounts,
                                       @Reason String reason) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        RegistrationRequest request = open(id);
        if (firstAccounts.isEmpty()) {
            throw RuleViolation.because("refusal.onboarding.nameAtLeastThe");
        }
        Organisation premises = request.getPremisesId() == null ? newPremises(request, areaId)
                : organisations.find(request.getPremisesId()).orElseThrow();
        SharedMailbox mailbox = mailboxes.createMailbox(actor, premises.getId(), "Registration " + request.getId() + ": " + reason);
        boolean owner = true;
        List<String> created = new ArrayList<>();
        for (FirstAccount person : firstAccounts) {
            PersonalAccount account = accounts.create(actor, premises.getId(), person.firstName(), person.lastName(),
                    person.jobRole(), false);
            mailboxes.grant(actor, mailbox.getId(), account.getId(), EnumSet.of(Permission.FULL_ACCESS, Permission.SEND_AS),
                    owner, null, "Registration " + request.getId() + ": first accounts");
            created.add(account.getAddress().value() + (owner ? " (owner)" : ""));
            owner = false;
        }
        request.approve(actor.username(), clock.instant(), premises.getId(), mailbox.getId());
        audit.record(AuditEntry.by(actor, AuditAction.REGISTRATION_APPROVED,
                new AuditTarget(AuditTargetType.REGISTRATION, request.getId(), request.getOdsCode().value()), premises.getId(),
                Change.of("SUBMITTED", mailbox.getAddress() + "; " + String.join(", ", created)), reason));
        notifications.notify(request.getCurrentEmail(), "registrationApproved", request.getId(), request.getTradingName(),
                request.getOdsCode().value(), mailbox.getAddress().value(), String.join(", ", created));
        return request;
    }

    private Organisation newPremises(RegistrationRequest request, Long areaId) {
        Long area = areaId != null ? areaId : request.getAreaId();
        if (area == null) {
            throw RuleViolation.because("refusal.onboarding.isANewPremises", request.getOdsCode());
        }
        Organisation areaOrg = organisations.find(area).filter(o -> o.getKind() == OrganisationKind.AREA)
                .orElseThrow(() -> RuleViolation.because("refusal.onboarding.noArea", area));
        Organisation contractor = request.getContractorId() == null ? null
                : organisations.find(request.getContractorId()).orElse(null);
        if (organisations.findByOdsCode(request.getOdsCode()).isPresent()) {
            throw RuleViolation.because("refusal.onboarding.existsAlreadyRefreshThe", request.getOdsCode());
        }
        Organisation premises = Organisation.premises(request.getOdsCode(), request.getTradingName(), request.getAddress(),
                request.getPostcode(), areaOrg, contractor);
        premises.changeTelephone(request.getTelephone());
        premises.flagNumsas(request.isNumsas());
        organisations.add(premises);
        em.flush();
        phases.phaseOfArea(area).ifPresent(p -> em.createNativeQuery("UPDATE organisation SET phase_id = ?1 WHERE id = ?2")
                .setParameter(1, p.getId()).setParameter(2, premises.getId()).executeUpdate());
        audit.record(new AuditEntry("system:registration", AuditAction.PREMISES_CREATED,
                new AuditTarget(AuditTargetType.ORGANISATION, premises.getId(), premises.getOdsCode().value()), premises.getId(),
                Change.to(premises.getName() + ", " + premises.getPostcode()), "Registration " + request.getId()));
        return premises;
    }

    public RegistrationRequest reject(@NotNull Actor actor, long id, @Reason String reason) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        RegistrationRequest request = open(id);
        request.reject(actor.username(), clock.instant(), reason);
        audit.record(AuditEntry.by(actor, AuditAction.REGISTRATION_REJECTED,
                new AuditTarget(AuditTargetType.REGISTRATION, request.getId(), request.getOdsCode().value()), request.getPremisesId(),
                Change.of("SUBMITTED", "REJECTED"), reason));
        notifications.notify(request.getCurrentEmail(), "registrationRejected", request.getId(), request.getTradingName(),
                request.getOdsCode().value(), reason.strip());
        return request;
    }

    private RegistrationRequest open(long id) {
        RegistrationRequest request = java.util.Optional.ofNullable(em.find(RegistrationRequest.class, id)).orElseThrow(NotFound::new);
        if (request.getState() != RegistrationState.SUBMITTED) {
            throw RuleViolation.because("refusal.onboarding.requestForIsAlready", id, request.getOdsCode(), request.getState());
        }
        return request;
    }

    static String describe(RegistrationRequest r) {
        return r.getTradingName() + ", " + r.getAddress() + ", " + r.getPostcode() + "; owner " + r.getOwnerName()
                + "; " + r.getTelephone() + "; " + r.getCurrentEmail();
    }
}
