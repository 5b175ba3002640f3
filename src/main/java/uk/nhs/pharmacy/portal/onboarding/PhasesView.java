package uk.nhs.pharmacy.portal.onboarding;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Phases: edit name, window and areas; see progress per phase and per area, with charts. */
@Named
@ViewScoped
public class PhasesView implements Serializable {

    @Inject
    PhaseService phases;

    @Inject
    PhaseProgress progress;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private Long editingId;
    private String name;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String areaNames;
    private List<PhaseProgress.Row> areaRows;
    private Long chartPhase;

    public void edit(Phase phase) {
        editingId = phase.getId();
        name = phase.getName();
        startsOn = phase.getStartsOn();
        endsOn = phase.getEndsOn();
        areaNames = String.join("\n", phase.getAreas().stream().map(PhaseArea::getAreaName).sorted().toList());
    }

    public void startNew() {
        editingId = null;
        name = "";
        startsOn = null;
        endsOn = null;
        areaNames = "";
    }

    public void save() {
        List<String> areas = Arrays.stream((areaNames == null ? "" : areaNames).split("[\\n;]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (messages.attempt(() -> phases.save(currentUser.actor(), editingId, name, startsOn, endsOn, areas))) {
            messages.info("phases.saved", name);
            areaRows = null;
            startNew();
        }
    }

    public List<PhaseProgress.Row> getAreaRows() {
        if (areaRows == null) {
            areaRows = progress.byArea(currentUser.actor());
        }
        return areaRows;
    }

    public List<PhaseProgress.Row> getPhaseRows() {
        return progress.byPhase(getAreaRows());
    }

    /** A Chart.js bar chart of the three measures per phase, as the JSON p:chart takes. */
    public String getChart() {
        return chart(getPhaseRows(), row -> row.phase().isEmpty() ? messages.text("phases.noPhase") : row.phase());
    }

    /** The same measures for each area of the chosen phase. */
    public String getAreaChart() {
        Long chosen = getChartPhase();
        String phase = chosen == null ? null : getPhases().stream().filter(p -> p.getId().equals(chosen))
                .map(Phase::getName).findFirst().orElse(null);
        return chart(getAreaRows().stream().filter(r -> java.util.Objects.equals(r.phase(), phase)).toList(), PhaseProgress.Row::area);
    }

    private String chart(List<PhaseProgress.Row> rows, java.util.function.Function<PhaseProgress.Row, String> label) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder requests = Json.createArrayBuilder();
        JsonArrayBuilder provisioned = Json.createArrayBuilder();
        JsonArrayBuilder active = Json.createArrayBuilder();
        for (PhaseProgress.Row row : rows) {
            labels.add(label.apply(row));
            requests.add(row.requests());
            provisioned.add(row.provisioned());
            active.add(row.activeWithTwo());
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(dataset(messages.text("phases.requests"), requests, "#005eb8"))
                        .add(dataset(messages.text("phases.provisioned"), provisioned, "#41b6e6"))
                        .add(dataset(messages.text("phases.activeWithTwo"), active, "#007f3b"))))
                .add("options", Json.createObjectBuilder().add("responsive", true)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom"))))
                .build().toString();
    }

    private static jakarta.json.JsonObjectBuilder dataset(String label, JsonArrayBuilder values, String colour) {
        return Json.createObjectBuilder().add("label", label).add("data", values).add("backgroundColor", colour);
    }

    public List<Phase> getPhases() { return phases.phases(); }
    public Long getChartPhase() {
        if (chartPhase == null) {
            chartPhase = getAreaRows().stream().map(PhaseProgress.Row::phaseId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        return chartPhase;
    }
    public void setChartPhase(Long chartPhase) { this.chartPhase = chartPhase; }
    public Long getEditingId() { return editingId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
    public String getAreaNames() { return areaNames; }
    public void setAreaNames(String areaNames) { this.areaNames = areaNames; }
}
