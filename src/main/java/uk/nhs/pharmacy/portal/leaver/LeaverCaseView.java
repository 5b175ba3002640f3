package uk.nhs.pharmacy.portal.leaver;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.account.AccountSuggestions;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Authorizer;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.Serializable;

/** One leaver case: its steps with who did each and when; choose a successor, confirm an exception, or cancel. */
@Named
@ViewScoped
public class LeaverCaseView implements Serializable {

    @Inject
    LeaverQueries queries;

    @Inject
    LeaverService service;

    @Inject
    Authorizer authorizer;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private Long id;
    private LeaverCase leaverCase;
    private String successor;
    private String stepReason;
    private String cancelReason;

    public void load() throws IOException {
        leaverCase = id == null ? null : queries.find(currentUser.actor(), id).orElse(null);
        if (leaverCase == null) {
            uk.nhs.pharmacy.portal.platform.web.PageNotFound.render();
        }
    }

    private void reload() {
        leaverCase = queries.find(currentUser.actor(), id).orElseThrow();
    }

    /** The first waiting successor step this user may resolve; after it is resolved, the next one. */
    public LeaverStep getResolvableStep() {
        return leaverCase.getSteps().stream()
                .filter(s -> s.isWaiting() && s.getMailbox() != null
                        && authorizer.may(currentUser.actor(), Action.MANAGE_ACCESS, s.getMailbox().getPremises()))
                .findFirst().orElse(null);
    }

    public boolean isMayCancel() {
        return leaverCase.getState() == CaseState.SCHEDULED
                && (authorizer.may(currentUser.actor(), Action.RUN_LEAVER, leaverCase.getScopeOrganisation())
                || leaverCase.getOpenedBy().equals(currentUser.actor().username()));
    }

    public void chooseSuccessor() {
        long stepId = getResolvableStep().getId();
        if (messages.attempt(() -> service.chooseSuccessor(currentUser.actor(), id, stepId,
                AccountSuggestions.addressOf(successor), stepReason))) {
            messages.info("leaver.successorChosen");
            successor = null;
            stepReason = null;
        }
        reload();
    }

    public void confirmException() {
        long stepId = getResolvableStep().getId();
        if (messages.attempt(() -> service.confirmException(currentUser.actor(), id, stepId, stepReason))) {
            messages.info("leaver.exceptionConfirmed");
            stepReason = null;
        }
        reload();
    }

    public void cancel() {
        if (messages.attempt(() -> service.cancel(currentUser.actor(), id, cancelReason))) {
            messages.info("leaver.cancelled");
        }
        reload();
    }


    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public LeaverCase getLeaverCase() { return leaverCase; }
    public String getSuccessor() { return successor; }
    public void setSuccessor(String successor) { this.successor = successor; }
    public String getStepReason() { return stepReason; }
    public void setStepReason(String stepReason) { this.stepReason = stepReason; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
}
