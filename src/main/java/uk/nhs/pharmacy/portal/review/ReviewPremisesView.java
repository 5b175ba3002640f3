package uk.nhs.pharmacy.portal.review;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.mailbox.ConfirmationNeeded;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.Failure;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.platform.web.PageNotFound;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A premises' worklist in a campaign: each access with what a reviewer needs and the recommendation;
 * keep at once, or choose a line to change (a last day) or remove with a reason; keep every line
 * recommended keep; the evidence to download.
 */
@Named
@ViewScoped
public class ReviewPremisesView implements Serializable {

    @Inject
    ReviewQueries queries;

    @Inject
    ReviewService reviews;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private Long id;
    private String ods;
    private ReviewCampaign campaign;
    private String premisesName;
    private List<WorkLine> lines;
    private WorkLine choosing;
    private Decision decision = Decision.REMOVE;
    private LocalDate lastDay;
    private String reason;
    private boolean confirmationNeeded;
    private String confirmationText;

    public void load() throws IOException {
        try {
            ReviewQueries.Worklist worklist = queries.worklistOf(currentUser.actor(), id == null ? -1 : id, OdsCode.of(ods == null ? "" : ods));
            campaign = worklist.campaign();
            premisesName = worklist.premises().getName();
            lines = worklist.lines();
        } catch (RuntimeException e) {
            Failure.Kind kind = Failure.of(e).kind();
            if (kind != Failure.Kind.NOT_FOUND && kind != Failure.Kind.INVALID) {
                throw e;
            }
            campaign = null;
            PageNotFound.render();
        }
    }

    public void keep(WorkLine line) throws IOException {
        if (messages.attempt(() -> reviews.decide(currentUser.actor(), id, line.delegationId(), Decision.KEEP, null, null, false))) {
            messages.info("review.keptLine", line.person());
        }
        load();
    }

    public void keepRecommended() throws IOException {
        int[] kept = {0};
        if (messages.attempt(() -> kept[0] = reviews.keepRecommended(currentUser.actor(), id, OdsCode.of(ods)))) {
            messages.info("review.keptRecommended", kept[0]);
        }
        load();
    }

    public void choose(WorkLine line) {
        choosing = line;
        decision = line.recommendation() == Recommendation.LOCUM_WITH_NO_LAST_DAY ? Decision.CHANGE : Decision.REMOVE;
        lastDay = null;
        reason = null;
        confirmationNeeded = false;
    }

    public void cancel() {
        choosing = null;
        confirmationNeeded = false;
    }

    public void decide() throws IOException {
        boolean confirmed = confirmationNeeded;
        WorkLine line = choosing;
        messages.attempt(() -> {
            try {
                reviews.decide(currentUser.actor(), id, line.delegationId(), decision, lastDay, reason, confirmed);
                messages.info(decision == Decision.REMOVE ? "review.removedLine" : "review.changedLine", line.person());
                choosing = null;
                confirmationNeeded = false;
            } catch (ConfirmationNeeded e) {
                confirmationNeeded = true;
                confirmationText = messages.words(e);
            }
        });
        load();
    }

    public boolean isAnyToKeep() {
        return lines != null && lines.stream().anyMatch(l -> l.mayDecide() && l.recommendation() == Recommendation.KEEP);
    }


    public Decision[] getChoices() {
        return new Decision[]{Decision.CHANGE, Decision.REMOVE};
    }

    public String getPremisesName() {
        return premisesName;
    }

    public ReviewCampaign getCampaign() {
        return campaign;
    }

    public List<WorkLine> getLines() {
        return lines;
    }

    public WorkLine getChoosing() {
        return choosing;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getOds() {
        return ods;
    }

    public void setOds(String ods) {
        this.ods = ods;
    }

    public Decision getDecision() {
        return decision;
    }

    public void setDecision(Decision decision) {
        this.decision = decision;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public void setLastDay(LocalDate lastDay) {
        this.lastDay = lastDay;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isConfirmationNeeded() {
        return confirmationNeeded;
    }

    public String getConfirmationText() {
        return confirmationText;
    }
}
