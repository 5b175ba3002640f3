package uk.nhs.pharmacy.portal.onboarding;

import uk.nhs.pharmacy.portal.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** An area of a phase, by name; {@code areaId} once an area of that name exists in the portal. */
@Embeddable
public class PhaseArea implements Serializable {

    @Column(name = "area_name", nullable = false)
    private String areaName;

    @Column(name = "area_id")
    private Long areaId;

    protected PhaseArea() {
        // for JPA
    }

    public PhaseArea(String areaName, Long areaId) {
        if (areaName == null || areaName.isBlank()) {
            throw RuleViolation.because("refusal.phase.areaNeedsName");
        }
        this.areaName = areaName.strip();
        this.areaId = areaId;
    }

    public String getAreaName() { return areaName; }
    public Long getAreaId() { return areaId; }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhaseArea other && other.areaName.equalsIgnoreCase(areaName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(areaName.toLowerCase(java.util.Locale.ROOT));
    }
}
