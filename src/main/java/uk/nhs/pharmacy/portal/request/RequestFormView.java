package uk.nhs.pharmacy.portal.request;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.account.AccountSuggestions;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.leaver.LeaverKind;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.MailboxQueries;
import uk.nhs.pharmacy.portal.mailbox.MailboxRepository;
import uk.nhs.pharmacy.portal.mailbox.Permission;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** An owner's request for one premises: grant (existing account or a new person), change, revoke, or a leaver. */
@Named
@ViewScoped
public class RequestFormView implements Serializable {

    @Inject
    RequestService service;

    @Inject
    MailboxQueries queries;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    private String ods;
    private Long delegation;
    private RequestKind kind = RequestKind.GRANT;
    private Organisation premises;
    private String delegationLabel;

    private boolean newPerson;
    private String address;
    private String firstName;
    private String lastName;
    private JobRole jobRole = JobRole.LOCUM_PHARMACIST;
    private List<String> permissions = new ArrayList<>(List.of(Permission.FULL_ACCESS.name()));
    private boolean owner;
    private LocalDate lastDay;
    private LeaverKind leaverKind = LeaverKind.LEAVES_PREMISES;
    private LocalDate effectiveDate;
    private String reason;

    public void load() throws IOException {
        try {
            premises = ods == null ? null : queries.visiblePremises(currentUser.actor(), OdsCode.premises(ods)).orElse(null);
        } catch (InvalidValueException e) {
            premises = null;
        }
        Delegation chosen = delegation == null ? null : mailboxes.findDelegation(delegation).orElse(null);
        if (premises == null || (delegation != null && (chosen == null
                || !chosen.getMailbox().getPremises().getId().equals(premises.getId())))) {
            uk.nhs.pharmacy.portal.platform.web.PageNotFound.render();
            return;
        }
        if (chosen != null) {
            delegationLabel = chosen.describe();
            address = chosen.getAccount().getAddress().value();
            permissions = new ArrayList<>(chosen.getPermissions().stream().map(Enum::name).toList());
            owner = chosen.isOwner();
            if (kind == RequestKind.GRANT) {
                kind = RequestKind.CHANGE;
            }
        }
    }

    public void submit() throws IOException {
        EnumSet<Permission> chosen = EnumSet.noneOf(Permission.class);
        permissions.forEach(p -> chosen.add(Permission.valueOf(p)));
        boolean done = messages.attempt(() -> service.submit(currentUser.actor(), new RequestService.RequestInput(kind,
                premises.getOdsCode(), newPerson && kind == RequestKind.GRANT || blank(address) ? null
                : AccountSuggestions.addressOf(address), firstName, lastName, jobRole, delegation, chosen, owner, lastDay,
                leaverKind, effectiveDate, reason)));
        if (done) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().getFlash().setKeepMessages(true);
            messages.info("request.submitted");
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/requests.xhtml");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }



    public RequestKind[] getKinds() { return RequestKind.values(); }
    public LeaverKind[] getLeaverKinds() { return LeaverKind.values(); }
    public JobRole[] getJobRoles() { return JobRole.values(); }
    public Permission[] getPermissionChoices() { return Permission.values(); }
    public LocalDate getToday() { return UkTime.dateOf(clock.instant()); }
    public Organisation getPremises() { return premises; }
    public String getDelegationLabel() { return delegationLabel; }
    public String getOds() { return ods; }
    public void setOds(String ods) { this.ods = ods; }
    public Long getDelegation() { return delegation; }
    public void setDelegation(Long delegation) { this.delegation = delegation; }
    public RequestKind getKind() { return kind; }
    public void setKind(RequestKind kind) { this.kind = kind; }
    public boolean isNewPerson() { return newPerson; }
    public void setNewPerson(boolean newPerson) { this.newPerson = newPerson; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public JobRole getJobRole() { return jobRole; }
    public void setJobRole(JobRole jobRole) { this.jobRole = jobRole; }
    public List<String> getPermissions() { return permissions; }
    public void setPermissions(List<String> permissions) { this.permissions = permissions; }
    public boolean isOwner() { return owner; }
    public void setOwner(boolean owner) { this.owner = owner; }
    public LocalDate getLastDay() { return lastDay; }
    public void setLastDay(LocalDate lastDay) { this.lastDay = lastDay; }
    public LeaverKind getLeaverKind() { return leaverKind; }
    public void setLeaverKind(LeaverKind leaverKind) { this.leaverKind = leaverKind; }
    public LocalDate getEffectiveDate() { return effectiveDate; }
    public void setEffectiveDate(LocalDate effectiveDate) { this.effectiveDate = effectiveDate; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
