package uk.nhs.pharmacy.portal.onboarding;

import uk.nhs.pharmacy.portal.platform.RuleViolation;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.platform.web.PageModel;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The national team's registration queue: filters, then approve (with the first accounts) or reject. */
@Named
@ViewScoped
public class RegistrationQueueView implements Serializable {

    @Inject
    RegistrationQueue queue;

    @Inject
    RegistrationService service;

    @Inject
    PhaseService phases;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private Long areaId;
    private Long phaseId;
    private String numsas = "";
    private RegistrationState state = RegistrationState.SUBMITTED;
    private Integer olderThanDays;
    private PageModel<RegistrationRequest> requests;
    private Map<Long, String> areaNames;

    private Long selectedId;
    private Long approveAreaId;
    private String firstAccounts;
    private String reason;

    public PageModel<RegistrationRequest> getRequests() {
        if (requests == null) {
            requests = new PageModel<>(new PageModel.Source<>() {
                @Override
                public long count() {
                    return queue.count(currentUser.actor(), filter());
                }

                @Override
                public List<RegistrationRequest> page(int first, int size, String sortField, boolean ascending) {
                    return queue.page(currentUser.actor(), filter(), first, size);
                }
            }, RegistrationRequest::getId);
        }
        return requests;
    }

    RegistrationQueue.Filter filter() {
        return new RegistrationQueue.Filter(areaId, phaseId, numsas == null || numsas.isEmpty() ? null : Boolean.valueOf(numsas),
                state, olderThanDays);
    }

    public void search() {
        requests = null;
    }

    /** Picks a request to decide; its suggested area is the default. */
    public void select(RegistrationRequest request) {
        selectedId = request.getId();
        approveAreaId = request.getAreaId();
        firstAccounts = "";
        reason = "";
    }

    public void approve() {
        List<RegistrationService.FirstAccount> people;
        try {
            people = parsePeople(firstAccounts);
        } catch (RuleViolation e) {
            messages.failed(e);
            return;
        }
        if (messages.attempt(() -> service.approve(currentUser.actor(), selectedId, approveAreaId, people,
                reason == null || reason.isBlank() ? "Registration approved" : reason))) {
            messages.info("registration.approved", selectedId);
            selectedId = null;
        }
    }

    public void reject() {
        if (reason == null || reason.isBlank()) {
            messages.error("registration.rejectNeedsReason");
            return;
        }
        if (messages.attempt(() -> service.reject(currentUser.actor(), selectedId, reason))) {
            messages.info("registration.rejected", selectedId);
            selectedId = null;
        }
    }

    /** One person per line: "First Last" or "First Last, JOB_ROLE" (default pharmacist for the first, dispenser after). */
    static List<RegistrationService.FirstAccount> parsePeople(String text) {
        List<RegistrationService.FirstAccount> people = new ArrayList<>();
        int lineNo = 0;
        for (String line : (text == null ? "" : text).split("\\R")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(",", 2);
            String[] names = parts[0].strip().split("\\s+");
            if (names.length < 2) {
                throw RuleViolation.because("refusal.onboarding.lineNeedsNames", lineNo);
            }
            JobRole role = people.isEmpty() ? JobRole.PHARMACIST : JobRole.DISPENSER;
            if (parts.length > 1 && !parts[1].isBlank()) {
                try {
                    role = JobRole.valueOf(parts[1].strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
                } catch (IllegalArgumentException e) {
                    throw RuleViolation.because("refusal.onboarding.lineJobRole", lineNo, parts[1].strip());
                }
            }
            String first = String.join(" ", java.util.Arrays.copyOf(names, names.length - 1));
            people.add(new RegistrationService.FirstAccount(first, names[names.length - 1], role));
        }
        return people;
    }

    public String areaName(Long id) {
        if (id == null) {
            return "";
        }
        if (areaNames == null) {
            areaNames = new HashMap<>();
            phases.areaChoices().forEach(row -> areaNames.put((Long) row[0], (String) row[1]));
        }
        return areaNames.getOrDefault(id, "");
    }

    public List<Object[]> getAreaChoices() { return phases.areaChoices(); }
    public List<Phase> getPhases() { return phases.phases(); }
    public RegistrationState[] getStates() { return RegistrationState.values(); }
    public long ageInDays(RegistrationRequest r) { return queue.ageInDays(r); }
    public Long getAreaId() { return areaId; }
    public void setAreaId(Long areaId) { this.areaId = areaId; }
    public Long getPhaseId() { return phaseId; }
    public void setPhaseId(Long phaseId) { this.phaseId = phaseId; }
    public String getNumsas() { return numsas; }
    public void setNumsas(String numsas) { this.numsas = numsas; }
    public RegistrationState getState() { return state; }
    public void setState(RegistrationState state) { this.state = state; }
    public Integer getOlderThanDays() { return olderThanDays; }
    public void setOlderThanDays(Integer olderThanDays) { this.olderThanDays = olderThanDays; }
    public Long getSelectedId() { return selectedId; }
    public Long getApproveAreaId() { return approveAreaId; }
    public void setApproveAreaId(Long approveAreaId) { this.approveAreaId = approveAreaId; }
    public String getFirstAccounts() { return firstAccounts; }
    public void setFirstAccounts(String firstAccounts) { this.firstAccounts = firstAccounts; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
