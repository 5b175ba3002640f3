package uk.nhs.pharmacy.portal.mailbox;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.platform.web.PageModel;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Access ending in the next 7 days, soonest first, with a form to move the last day (owners and LOAs). */
@Named
@ViewScoped
public class ExpiringView implements Serializable {

    @Inject
    ExpiringAccess expiring;

    @Inject
    MailboxService service;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    private PageModel<Delegation> rows;
    private Long extending;
    private long extendingVersion;
    private String extendingLabel;
    private LocalDate lastDay;
    private String reason;

    @PostConstruct
    void init() {
        rows = new PageModel<>(new PageModel.Source<>() {
            @Override
            public long count() {
                return expiring.count(currentUser.actor(), ExpiringAccess.DEFAULT_WINDOW);
            }

            @Override
            public List<Delegation> page(int first, int pageSize, String sortField, boolean ascending) {
                return expiring.page(currentUser.actor(), ExpiringAccess.DEFAULT_WINDOW, first, pageSize, sortField, ascending);
            }
        }, Delegation::getId);
    }

    public void startExtending(Delegation delegation) {
        extending = delegation.getId();
        extendingVersion = delegation.getVersion();
        extendingLabel = delegation.getAccount().getAddress() + " on " + delegation.getMailbox().getAddress();
        lastDay = delegation.getLastDay().plusDays(7);
        reason = null;
    }


    public void extend() {
        if (messages.attempt(() -> service.extend(currentUser.actor(), extending, extendingVersion, lastDay, reason))) {
            messages.info("expiring.extended", extendingLabel);
            extending = null;
        }
    }

    public void cancelExtending() {
        extending = null;
    }

    public PageModel<Delegation> getRows() { return rows; }
    public Long getExtending() { return extending; }
    public String getExtendingLabel() { return extendingLabel; }
    public LocalDate getLastDay() { return lastDay; }
    public void setLastDay(LocalDate lastDay) { this.lastDay = lastDay; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public LocalDate getToday() { return UkTime.dateOf(clock.instant()); }
}
