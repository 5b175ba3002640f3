package uk.nhs.pharmacy.portal.onboarding;

import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An onboarding phase: a window of dates and the areas whose premises it brings on. */
@Entity
@Table(name = "phase")
public class Phase {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "phase_ids")
    @TableGenerator(name = "phase_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "phase", allocationSize = 10)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "phase_area", joinColumns = @JoinColumn(name = "phase_id"))
    private List<PhaseArea> areas = new ArrayList<>();

    @Version
    private long version;

    protected Phase() {
        // for JPA
    }

    public Phase(String name, LocalDate startsOn, LocalDate endsOn) {
        edit(name, startsOn, endsOn);
    }

    public final void edit(String newName, LocalDate newStart, LocalDate newEnd) {
        if (newName == null || newName.isBlank()) {
            throw RuleViolation.because("refusal.phase.needsName");
        }
        Objects.requireNonNull(newStart, "start");
        Objects.requireNonNull(newEnd, "end");
        if (newEnd.isBefore(newStart)) {
            throw RuleViolation.because("refusal.phase.endsBeforeStart", UkTime.words(newEnd), UkTime.words(newStart));
        }
        this.name = newName.strip();
        this.startsOn = newStart;
        this.endsOn = newEnd;
    }

    /** Replaces the phase's areas. */
    public void coverAreas(List<PhaseArea> newAreas) {
        areas.clear();
        newAreas.stream().distinct().forEach(areas::add);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public List<PhaseArea> getAreas() { return List.copyOf(areas); }
    public long getVersion() { return version; }

    /** The phase's areas as text, e.g. "London; Wessex". */
    public String getAreaNames() {
        return String.join("; ", areas.stream().map(PhaseArea::getAreaName).sorted().toList());
    }
}
