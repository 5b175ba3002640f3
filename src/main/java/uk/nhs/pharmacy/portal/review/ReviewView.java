package uk.nhs.pharmacy.portal.review;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import uk.nhs.pharmacy.portal.platform.Failure;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.platform.web.PageNotFound;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.function.ToLongFunction;

/** One campaign: its progress in the reader's scope (figures, by area as a chart and its table), and its premises to review. */
@Named
@ViewScoped
public class ReviewView implements Serializable {

    private static final int PAGE = 25;

    @Inject
    ReviewQueries queries;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private Long id;
    private ReviewQueries.Progress progress;
    private List<ReviewQueries.PremisesLines> premises;
    private long premisesTotal;
    private boolean pendingOnly = true;
    private int first;

    public void load() throws IOException {
        if (id == null) {
            PageNotFound.render();
            return;
        }
        try {
            progress = queries.progress(currentUser.actor(), id);
        } catch (RuntimeException e) {
            if (Failure.of(e).kind() != Failure.Kind.NOT_FOUND) {
                throw e;
            }
            progress = null;
            PageNotFound.render();
            return;
        }
        premises = queries.premisesSeen(currentUser.actor(), id, pendingOnly, first, PAGE);
        premisesTotal = queries.countPremises(currentUser.actor(), id, pendingOnly);
    }

    public void filter() throws IOException {
        first = 0;
        load();
    }

    public void next() throws IOException {
        first += PAGE;
        load();
    }

    public void previous() throws IOException {
        first = Math.max(0, first - PAGE);
        load();
    }

    public boolean isMore() {
        return first + PAGE < premisesTotal;
    }

    public boolean isEarlier() {
        return first > 0;
    }

    /** The progress by area as a Chart.js stacked bar chart; the table beside it holds the same figures. */
    public String getChart() {
        if (progress == null) {
            return "{}";
        }
        List<ReviewQueries.AreaProgress> areas = progress.byArea();
        JsonArrayBuilder labels = Json.createArrayBuilder();
        areas.forEach(a -> labels.add(a.area()));
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(dataset("review.kept", "#007f3b", areas, c -> c.kept() + c.changed()))
                .add(dataset("review.removed", "#d5281b", areas, ReviewQueries.Counts::removed))
                .add(dataset("review.flagged", "#ffb81c", areas, ReviewQueries.Counts::flagged))
                .add(dataset("review.pendingCount", "#768692", areas, ReviewQueries.Counts::pending));
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder().add("indexAxis", "y").add("animation", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("stacked", true))
                                .add("y", Json.createObjectBuilder().add("stacked", true))))
                .build().toString();
    }

    private jakarta.json.JsonObjectBuilder dataset(String key, String colour, List<ReviewQueries.AreaProgress> areas,
                                                   ToLongFunction<ReviewQueries.Counts> value) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        areas.forEach(a -> data.add(value.applyAsLong(a.counts())));
        return Json.createObjectBuilder().add("label", messages.text(key)).add("backgroundColor", colour).add("data", data);
    }

    public ReviewQueries.Progress getProgress() {
        return progress;
    }

    public List<ReviewQueries.PremisesLines> getPremises() {
        return premises;
    }

    public long getPremisesTotal() {
        return premisesTotal;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public boolean isPendingOnly() {
        return pendingOnly;
    }

    public void setPendingOnly(boolean pendingOnly) {
        this.pendingOnly = pendingOnly;
    }
}
