package uk.nhs.pharmacy.portal.mailbox;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.account.AccountRepository;
import uk.nhs.pharmacy.portal.account.AccountService;
import uk.nhs.pharmacy.portal.account.AccountSuggestions;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The premises page: details, the shared mailbox, who has access, warnings and history; and for
 * an LOA in scope, create the mailbox, grant and revoke. Every action goes through
 * {@link MailboxService}, which checks scope and rules again.
 */
@Named
@ViewScoped
public class PremisesView implements Serializable {

    private static final ZoneId UK = uk.nhs.pharmacy.portal.platform.UkTime.ZONE;

    @Inject
    MailboxQueries queries;

    @Inject
    MailboxService service;

    @Inject
    AccountRepository accounts;

    @Inject
    AccountService accountService;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private String ods;
    private PremisesDetails details;

    // the grant form
    private String grantAddress;
    private List<String> grantPermissions = new ArrayList<>(List.of(Permission.FULL_ACCESS.name()));
    private boolean grantOwner;
    private LocalDate grantExpiry;
    private String grantReason;

    // the new-account form
    private String newFirstName;
    private String newLastName;
    private JobRole newJobRole = JobRole.DISPENSER;
    private boolean newMobile;

    // the change form
    private Long changing;
    private long changingVersion;
    private List<String> changePermissions = new ArrayList<>();
    private boolean changeOwner;
    private String changeReason;
    private LocalDate changeLastDay;
    private LocalDate lastDayBefore;
    private List<String> permissionsBefore = List.of();
    private boolean ownerBefore;

    // the revoke form
    private Long revoking;
    /** The delegation whose dialog closed last, for the keyboard's return. */
    private Long actedOn;
    private long revokingVersion;
    private String revokeReason;
    private boolean confirmationNeeded;
    private String confirmationText;

    public void load() throws IOException {
        try {
            details = queries.premises(currentUser.actor(), OdsCode.premises(ods)).orElse(null);
        } catch (InvalidValueException e) {
            details = null;
        }
        if (details == null) {
            // Missing and out of scope look the same.
            uk.nhs.pharmacy.portal.platform.web.PageNotFound.render();
        }
    }

    private void reload() {
        details = queries.premises(currentUser.actor(), details.premises().getOdsCode()).orElseThrow();
    }

    /** Sends a change the platform kept refusing again. */
    public void retryProvisioning(long eventId) {
        act(() -> {
            service.retryProvisioning(currentUser.actor(), eventId);
            messages.info("premises.provisioning.retried");
        });
    }

    public void createMailbox() {
        act(() -> {
            service.createMailbox(currentUser.actor(), details.premises().getId(), "Created from the premises page");
            messages.info("premises.created");
        });
    }

    public void grant() {
        act(() -> {
            PersonalAccount account = accounts.findByAddress(AccountSuggestions.addressOf(grantAddress))
                    .orElseThrow(() -> RuleViolation.because("refusal.common.noPersonalAccount", grantAddress));
            EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
            grantPermissions.forEach(p -> permissions.add(Permission.valueOf(p)));
            service.grant(currentUser.actor(), details.mailbox().getId(), account.getId(), permissions, grantOwner,
                    grantExpiry, grantReason);
            messages.info("premises.granted", account.getAddress().value());
            grantAddress = null;
            grantExpiry = null;
            grantReason = null;
            grantOwner = false;
        });
    }

    /** A personal account for a new starter or locum at this premises; the grant form is then filled in with it. */
    public void createAccount() {
        act(() -> {
            PersonalAccount created = accountService.create(currentUser.actor(), details.premises().getId(),
                    newFirstName, newLastName, newJobRole, newMobile);
            messages.info("premises.accountCreated", created.getAddress().value());
            grantAddress = created.getAddress().value();
            newFirstName = null;
            newLastName = null;
        });
    }

    public JobRole[] getJobRoles() {
        return JobRole.values();
    }

    public void startChange(Delegation delegation) {
        cancelRevoke();
        changing = delegation.getId();
        changingVersion = delegation.getVersion();
        changePermissions = new ArrayList<>(delegation.getPermissions().stream().map(Enum::name).toList());
        changeOwner = delegation.isOwner();
        permissionsBefore = List.copyOf(changePermissions);
        ownerBefore = changeOwner;
        changeReason = null;
        lastDayBefore = delegation.getLastDay();
        changeLastDay = lastDayBefore;
        confirmationNeeded = false;
    }

    public void cancelChange() {
        actedOn = changing == null ? actedOn : changing;
        changing = null;
        confirmationNeeded = false;
    }

    public void change() {
        boolean confirmed = confirmationNeeded;
        act(() -> {
            EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
            changePermissions.forEach(p -> permissions.add(Permission.valueOf(p)));
            try {
                long version = changingVersion;
                boolean rightsChanged = changeOwner != ownerBefore
                        || !new java.util.HashSet<>(changePermissions).equals(new java.util.HashSet<>(permissionsBefore));
                if (rightsChanged) {
                    version = service.changePermissions(currentUser.actor(), changing, changingVersion, permissions,
                            changeOwner, confirmed, changeReason).getVersion();
                }
                if (!java.util.Objects.equals(changeLastDay, lastDayBefore)) {
                    service.extend(currentUser.actor(), changing, version, changeLastDay, changeReason);
                }
                messages.info("premises.changed");
                actedOn = changing;
                changing = null;
                confirmationNeeded = false;
            } catch (ConfirmationNeeded e) {
                confirmationNeeded = true;
                confirmationText = messages.words(e);
            }
        });
    }

    public void startRevoke(Delegation delegation) {
        cancelChange();
        revoking = delegation.getId();
        revokingVersion = delegation.getVersion();
        revokeReason = null;
        confirmationNeeded = false;
    }

    public void cancelRevoke() {
        actedOn = revoking == null ? actedOn : revoking;
        revoking = null;
        confirmationNeeded = false;
    }

    public void revoke() {
        boolean confirmed = confirmationNeeded;
        act(() -> {
            try {
                service.revoke(currentUser.actor(), revoking, revokingVersion, revokeReason, confirmed);
                messages.info("premises.revoked");
                actedOn = revoking;
                revoking = null;
                confirmationNeeded = false;
            } catch (ConfirmationNeeded e) {
                confirmationNeeded = true;
                confirmationText = messages.words(e);
            }
        });
    }

    private void act(Runnable action) {
        messages.attempt(action);
        reload();
    }



    /**
     * Where the keyboard goes when a Change or Revoke dialog closes: back to the row's Change button,
     * or, when the row is gone (revoked), to the confirmation. Null while a dialog is open.
     */
    public String getFocusAfter() {
        if (actedOn == null || changing != null || revoking != null || details == null) {
            return null;
        }
        List<Delegation> rows = details.access();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getId().equals(actedOn) && details.mayManage()) {
                return "accessForm:access:" + i + ":change";
            }
        }
        return "messages";
    }

    /** "Revoke Aisha Patel's access to pharmacy.fxy77@nhs.net": whom and what the open form acts on. */
    public String getRevokeHeading() {
        return heading("premises.revoke.heading", revoking);
    }

    public String getChangeHeading() {
        return heading("premises.change.heading", changing);
    }

    private String heading(String key, Long delegationId) {
        return details.access().stream().filter(d -> d.getId().equals(delegationId)).findFirst()
                .map(d -> messages.text(key, d.getAccount().displayName(), details.mailbox().getAddress().value()))
                .orElse(messages.text("premises.access.gone"));
    }

    public PremisesDetails getDetails() {
        return details;
    }

    public Permission[] getPermissionChoices() {
        return Permission.values();
    }

    public String getOds() { return ods; }
    public void setOds(String ods) { this.ods = ods; }
    public String getGrantAddress() { return grantAddress; }
    public void setGrantAddress(String grantAddress) { this.grantAddress = grantAddress; }
    public List<String> getGrantPermissions() { return grantPermissions; }
    public void setGrantPermissions(List<String> grantPermissions) { this.grantPermissions = grantPermissions; }
    public boolean isGrantOwner() { return grantOwner; }
    public void setGrantOwner(boolean grantOwner) { this.grantOwner = grantOwner; }
    public LocalDate getGrantExpiry() { return grantExpiry; }
    public void setGrantExpiry(LocalDate grantExpiry) { this.grantExpiry = grantExpiry; }
    public String getGrantReason() { return grantReason; }
    public void setGrantReason(String grantReason) { this.grantReason = grantReason; }
    public Long getRevoking() { return revoking; }
    public String getNewFirstName() { return newFirstName; }
    public void setNewFirstName(String newFirstName) { this.newFirstName = newFirstName; }
    public String getNewLastName() { return newLastName; }
    public void setNewLastName(String newLastName) { this.newLastName = newLastName; }
    public JobRole getNewJobRole() { return newJobRole; }
    public void setNewJobRole(JobRole newJobRole) { this.newJobRole = newJobRole; }
    public boolean isNewMobile() { return newMobile; }
    public void setNewMobile(boolean newMobile) { this.newMobile = newMobile; }
    public Long getChanging() { return changing; }
    public List<String> getChangePermissions() { return changePermissions; }
    public void setChangePermissions(List<String> changePermissions) { this.changePermissions = changePermissions; }
    public boolean isChangeOwner() { return changeOwner; }
    public void setChangeOwner(boolean changeOwner) { this.changeOwner = changeOwner; }
    public String getChangeReason() { return changeReason; }
    public LocalDate getChangeLastDay() { return changeLastDay; }
    public void setChangeLastDay(LocalDate changeLastDay) { this.changeLastDay = changeLastDay; }
    public void setChangeReason(String changeReason) { this.changeReason = changeReason; }
    public String getRevokeReason() { return revokeReason; }
    public void setRevokeReason(String revokeReason) { this.revokeReason = revokeReason; }
    public boolean isConfirmationNeeded() { return confirmationNeeded; }
    public String getConfirmationText() { return confirmationText; }
    public LocalDate getToday() { return LocalDate.now(UK); }
}
