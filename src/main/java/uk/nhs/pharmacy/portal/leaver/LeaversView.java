package uk.nhs.pharmacy.portal.leaver;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.account.AccountRepository;
import uk.nhs.pharmacy.portal.account.AccountSuggestions;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.MailboxRepository;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.platform.web.PageModel;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Leaver cases in scope, and the form that starts one. */
@Named
@ViewScoped
public class LeaversView implements Serializable {

    @Inject
    LeaverQueries queries;

    @Inject
    LeaverService service;

    @Inject
    AccountRepository accounts;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    private String show = "open";
    private String addressFilter;
    private PageModel<LeaverCase> cases;

    // the start form
    private String address;
    private LeaverKind kind = LeaverKind.LEAVES_PREMISES;
    private String left;
    private LocalDate effectiveDate;
    private String reason;
    private List<Delegation> currentAccess = List.of();
    private List<LeaverService.SuccessorNeeded> needs = List.of();
    private final Map<Long, String> chosen = new java.util.HashMap<>();
    private final Map<Long, String> typed = new java.util.HashMap<>();

    @PostConstruct
    void init() {
        cases = new PageModel<>(new PageModel.Source<>() {
            @Override
            public long count() {
                return queries.count(currentUser.actor(), filter());
            }

            @Override
            public List<LeaverCase> page(int first, int pageSize, String sortField, boolean ascending) {
                return queries.cases(currentUser.actor(), filter(), first, pageSize, sortField, ascending);
            }
        }, LeaverCase::getId);
    }

    private LeaverQueries.CaseFilter filter() {
        return new LeaverQueries.CaseFilter("open".equals(show), "closed".equals(show), addressFilter);
    }

    /** When the person is chosen: show where they have access now, to pick what they leave. */
    public void accountChosen() {
        currentAccess = List.of();
        left = null;
        try {
            accounts.findByAddress(AccountSuggestions.addressOf(address)).ifPresent(a ->
                    currentAccess = mailboxes.liveDelegationsOf(a.getId(), clock.instant()));
        } catch (InvalidValueException ignored) {
            // not an address yet: nothing to show
        }
        if (!getLeftChoices().isEmpty()) {
            left = getLeftChoices().keySet().iterator().next();
        }
        refreshNeeds();
    }

    /** The mailboxes the case would leave without an owner or short of people: each needs a successor. */
    public void refreshNeeds() {
        needs = List.of();
        try {
            needs = service.successorsNeeded(currentUser.actor(), request(reason == null || reason.isBlank() ? "-" : reason, List.of()));
        } catch (RuntimeException notYet) {
            // no person or place chosen yet, or a case that cannot be opened: starting it says why
        }
    }

    private LeaverService.LeaverRequest request(String because, List<LeaverService.Successor> successors) {
        return new LeaverService.LeaverRequest(AccountSuggestions.addressOf(address), kind,
                kind.needsScopeOrganisation() && left != null && !left.isBlank() ? OdsCode.of(left) : null,
                UkTime.startOf(effectiveDate), because, successors);
    }

    /** A case that runs today takes its successors from the form; one dated later asks on the day. */
    private boolean runsToday() {
        return effectiveDate == null || !effectiveDate.isAfter(UkTime.today(clock));
    }

    /** Premises (or their contractors, for a contractor leaver) where the person has access now. */
    public Map<String, String> getLeftChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Delegation d : currentAccess) {
            Organisation premises = d.getMailbox().getPremises();
            Organisation place = kind == LeaverKind.LEAVES_CONTRACTOR ? premises.getParent() : premises;
            if (place != null && kind != LeaverKind.LEAVES_NHS) {
                choices.put(place.getOdsCode().value(), place.getOdsCode() + " — " + place.getName());
            }
        }
        return choices;
    }

    public void start() throws IOException {
        refreshNeeds();
        List<LeaverService.Successor> successors = new java.util.ArrayList<>();
        if (runsToday()) {
            for (LeaverService.SuccessorNeeded need : needs) {
                Long mailboxId = need.mailbox().getId();
                String who = typed.get(mailboxId) != null && !typed.get(mailboxId).isBlank() ? typed.get(mailboxId) : chosen.get(mailboxId);
                if (who == null || who.isBlank()) {
                    messages.error("leavers.successor.required", need.mailbox().getAddress().value());
                    return;
                }
                successors.add(new LeaverService.Successor(mailboxId, AccountSuggestions.addressOf(who)));
            }
        }
        LeaverCase[] opened = new LeaverCase[1];
        boolean done = messages.attempt(() -> opened[0] = service.open(currentUser.actor(), request(reason, successors)));
        if (done) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().getFlash().setKeepMessages(true);
            messages.info(opened[0].getState() == CaseState.SCHEDULED ? "leavers.scheduled" : "leavers.started",
                    opened[0].getId());
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath()
                    + "/leaver.xhtml?id=" + opened[0].getId());
        }
    }



    public List<LeaverService.SuccessorNeeded> getNeeds() { return needs; }
    public Map<Long, String> getChosen() { return chosen; }
    public Map<Long, String> getTyped() { return typed; }
    public LeaverKind[] getKinds() { return LeaverKind.values(); }
    public PageModel<LeaverCase> getCases() { return cases; }
    public String getShow() { return show; }
    public void setShow(String show) { this.show = show; }
    public String getAddressFilter() { return addressFilter; }
    public void setAddressFilter(String addressFilter) { this.addressFilter = addressFilter; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public LeaverKind getKind() { return kind; }
    public void setKind(LeaverKind kind) { this.kind = kind; }
    public String getLeft() { return left; }
    public void setLeft(String left) { this.left = left; }
    public LocalDate getEffectiveDate() { return effectiveDate; }
    public void setEffectiveDate(LocalDate effectiveDate) { this.effectiveDate = effectiveDate; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public List<Delegation> getCurrentAccess() { return currentAccess; }
    public LocalDate getToday() { return UkTime.dateOf(clock.instant()); }
}
