package uk.nhs.pharmacy.portal.mailbox;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.account.AccountService;
import uk.nhs.pharmacy.portal.account.AccountStatus;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.security.AccessDeniedException;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Authorizer;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;

/** A personal account's page: every mailbox the person can reach, across all premises, and their history. */
@Named
@ViewScoped
public class AccountView implements Serializable {

    @Inject
    MailboxQueries queries;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accountService;

    @Inject
    Authorizer authorizer;

    @Inject
    Messages messages;

    private String address;
    private AccountDetails details;
    private boolean mayEdit;
    private String firstName;
    private String lastName;
    private JobRole jobRole;
    private boolean mobile;
    private String joinerHome;
    private String joinerReason;

    public void load() throws IOException {
        try {
            details = queries.account(currentUser.actor(), MailAddress.of(address)).orElse(null);
        } catch (InvalidValueException e) {
            details = null;
        }
        if (details == null) {
            uk.nhs.pharmacy.portal.platform.web.PageNotFound.render();
            return;
        }
        PersonalAccount account = details.account();
        mayEdit = authorizer.may(currentUser.actor(), Action.MANAGE_ACCESS, account.getHomeOrganisation());
        firstName = account.getFirstName();
        lastName = account.getLastName();
        jobRole = account.getJobRole();
        mobile = account.hasMobileDevice();
    }

    public void save() throws IOException {
        if (messages.attempt(() -> accountService.edit(currentUser.actor(), MailAddress.of(address), firstName, lastName,
                jobRole, mobile))) {
            messages.info("account.saved");
        }
        load();
    }

    public void acceptJoiner() throws IOException {
        if (messages.attempt(() -> accountService.acceptJoiner(currentUser.actor(), MailAddress.of(address),
                OdsCode.of(joinerHome == null ? "" : joinerHome), joinerReason))) {
            messages.info("account.joiner.accepted");
            joinerHome = null;
            joinerReason = null;
        }
        load();
    }

    /** A leaver can be accepted by an LOA (or the national team) of the organisation they join. */
    public boolean isJoinerOpen() {
        return details.account().getStatus() == AccountStatus.LEAVER && !currentUser.isOwner();
    }

    public Instant getJoinerDeadline() {
        return details.account().getLeaverSince().plus(PersonalAccount.LEAVER_GRACE);
    }

    public String getJoinerHome() { return joinerHome; }
    public void setJoinerHome(String joinerHome) { this.joinerHome = joinerHome; }
    public String getJoinerReason() { return joinerReason; }
    public void setJoinerReason(String joinerReason) { this.joinerReason = joinerReason; }

    public JobRole[] getJobRoles() { return JobRole.values(); }
    public boolean isMayEdit() { return mayEdit; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public JobRole getJobRole() { return jobRole; }
    public void setJobRole(JobRole jobRole) { this.jobRole = jobRole; }
    public boolean isMobile() { return mobile; }
    public void setMobile(boolean mobile) { this.mobile = mobile; }

    public AccountDetails getDetails() {
        return details;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
