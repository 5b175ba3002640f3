package uk.nhs.pharmacy.portal.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * What the passing of days does to campaigns: starts those whose day has come, reminds reviewers
 * in the week before a deadline, and at the deadline applies the campaign's rule to what nobody
 * reviewed, then closes it (and schedules the next, if it recurs). Run by {@link ReviewSchedule}
 * once per period across the cluster; each step only touches what is still to do, so a second
 * run, or one after a member stopped halfway, repeats nothing.
 */
@ApplicationScoped
public class ReviewRun {

    static final int BATCH = 500;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ReviewRun.class.getName());

    @Inject
    ReviewSteps steps;

    public record Outcome(int started, int reminded, int closed) {
    }

    public Outcome runDue(Instant now) {
        int started = 0;
        for (Long id : steps.due(CampaignState.SCHEDULED, now)) {
            steps.start(id, now);
            started++;
        }
        int reminded = 0;
        for (Long id : steps.remindable(now)) {
            reminded += steps.remind(id);
        }
        int closed = 0;
        for (Long id : steps.due(CampaignState.OPEN, now)) {
            long began = System.nanoTime();
            AtDeadline rule = steps.atDeadline(id);
            settle(id, now);
            ReviewCampaign campaign = steps.close(id, now);
            long millis = (System.nanoTime() - began) / 1_000_000;
            LOG.info(() -> "Access review " + id + " closed at its deadline: " + campaign.getLinesTotal() + " lines, " + rule
                    + ", in " + millis + " ms");
            closed++;
        }
        return new Outcome(started, reminded, closed);
    }

    private void settle(long campaignId, Instant now) {
        if (steps.atDeadline(campaignId) == AtDeadline.KEEP_AND_FLAG) {
            steps.flagUndecided(campaignId, now);
            return;
        }
        while (steps.revokeUndecided(campaignId, now, BATCH) == BATCH) {
            // the next batch, in its own transaction
        }
    }
}
