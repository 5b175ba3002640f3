package uk.nhs.pharmacy.portal.review;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.security.CurrentUser;
import uk.nhs.pharmacy.portal.security.Role;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** The access reviews page: the campaigns the reader may see, a page at a time, and (for administrators) starting one. */
@Named
@ViewScoped
public class ReviewsView implements Serializable {

    private static final int PAGE = 20;

    @Inject
    ReviewQueries queries;

    @Inject
    ReviewService reviews;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    private int first;
    private List<ReviewCampaign> campaigns;
    private long total;
    private String name;
    private String scope;
    private LocalDate startsOn;
    private LocalDate deadline;
    private AtDeadline atDeadline = AtDeadline.KEEP_AND_FLAG;
    private Integer recurMonths;
    private Long created;

    public void load() {
        startsOn = startsOn == null ? UkTime.today(clock) : startsOn;
        deadline = deadline == null ? UkTime.today(clock).plusWeeks(4) : deadline;
        campaigns = queries.campaigns(currentUser.actor(), first, PAGE);
        total = queries.countCampaigns(currentUser.actor());
    }

    public void create() {
        List<OdsCode> codes = Arrays.stream(scope == null ? new String[0] : scope.split("[,;\\s]+")).filter(s -> !s.isBlank())
                .map(OdsCode::of).toList();
        if (messages.attempt(() -> created = reviews.create(currentUser.actor(),
                new CampaignInput(name, codes, startsOn, deadline, atDeadline, recurMonths)).getId())) {
            messages.info("review.created", name);
            name = null;
            scope = null;
            first = 0;
            load();
        }
    }

    public boolean isMayStart() {
        return !currentUser.actor().is(Role.OWNER);
    }

    public void next() {
        first += PAGE;
        load();
    }

    public void previous() {
        first = Math.max(0, first - PAGE);
        load();
    }

    public boolean isMore() {
        return first + PAGE < total;
    }

    public boolean isEarlier() {
        return first > 0;
    }

    public List<ReviewCampaign> getCampaigns() {
        return campaigns;
    }

    public long getTotal() {
        return total;
    }

    public AtDeadline[] getRules() {
        return AtDeadline.values();
    }

    public Long getCreated() {
        return created;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public void setDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }

    public AtDeadline getAtDeadline() {
        return atDeadline;
    }

    public void setAtDeadline(AtDeadline atDeadline) {
        this.atDeadline = atDeadline;
    }

    public Integer getRecurMonths() {
        return recurMonths;
    }

    public void setRecurMonths(Integer recurMonths) {
        this.recurMonths = recurMonths;
    }
}
