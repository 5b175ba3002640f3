package uk.nhs.pharmacy.portal.request;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.mailbox.ConfirmationNeeded;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.platform.web.PageModel;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.Serializable;
import java.util.List;

/** The owner's own requests (withdraw), and the LOA's queue (approve, reject with a reason). */
@Named
@ViewScoped
public class RequestsView implements Serializable {

    @Inject
    RequestQueries queries;

    @Inject
    RequestService service;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private PageModel<AccessRequest> mine;
    private PageModel<AccessRequest> queue;
    private Long deciding;
    private String decideHeading;
    private String decisionReason;
    private boolean confirmationNeeded;
    private String confirmationText;

    @PostConstruct
    void init() {
        mine = new PageModel<>(new PageModel.Source<>() {
            @Override
            public long count() {
                return queries.mineCount(currentUser.actor());
            }

            @Override
            public List<AccessRequest> page(int first, int pageSize, String sortField, boolean ascending) {
                return queries.mine(currentUser.actor(), first, pageSize);
            }
        }, AccessRequest::getId);
        queue = new PageModel<>(new PageModel.Source<>() {
            @Override
            public long count() {
                return queries.queueSize(currentUser.actor());
            }

            @Override
            public List<AccessRequest> page(int first, int pageSize, String sortField, boolean ascending) {
                return queries.queue(currentUser.actor(), first, pageSize);
            }
        }, AccessRequest::getId);
    }

    /** Opens the decision on a row of the queue, titled with what was asked ("Request 12: give ... access to ..."). */
    public void startDeciding(AccessRequest request) {
        deciding = request.getId();
        decideHeading = messages.text("requests.decide.heading", request.getId(), describe(request));
        decisionReason = null;
        confirmationNeeded = false;
    }

    public void approve() {
        approve(false);
    }

    public void approveConfirmed() {
        approve(true);
    }

    private void approve(boolean confirmed) {
        long id = deciding;
        messages.attempt(() -> {
            try {
                service.approve(currentUser.actor(), id, confirmed, decisionReason);
                messages.info("requests.approved", id);
                deciding = null;
                confirmationNeeded = false;
            } catch (ConfirmationNeeded e) {
                confirmationNeeded = true;
                confirmationText = messages.words(e);
            }
        });
    }

    public void reject() {
        long id = deciding;
        if (messages.attempt(() -> service.reject(currentUser.actor(), id, decisionReason))) {
            messages.info("requests.rejected", id);
            deciding = null;
        }
    }

    public void withdraw(long id) {
        if (messages.attempt(() -> service.withdraw(currentUser.actor(), id))) {
            messages.info("requests.withdrawn", id);
        }
    }

    public boolean overdue(AccessRequest r) {
        return queries.isOverdue(r);
    }

    public String describe(AccessRequest r) {
        return RequestService.describe(r);
    }

    public PageModel<AccessRequest> getMine() { return mine; }
    public PageModel<AccessRequest> getQueue() { return queue; }
    public Long getDeciding() { return deciding; }
    public String getDecideHeading() { return decideHeading; }

    public void cancelDeciding() {
        deciding = null;
        confirmationNeeded = false;
    }
    public String getDecisionReason() { return decisionReason; }
    public void setDecisionReason(String decisionReason) { this.decisionReason = decisionReason; }
    public boolean isConfirmationNeeded() { return confirmationNeeded; }
    public String getConfirmationText() { return confirmationText; }
    public int getOverdueDays() { return queries.getOverdueDays(); }
}
