package uk.nhs.pharmacy.portal.organisation;

import uk.nhs.pharmacy.portal.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;

import java.util.Objects;

/**
 * A pharmacy premises, a contractor, an area or the national team. {@code area} is the area a
 * premises lies in; {@code parent} is the contractor of a premises, or the enclosing area of an area.
 */
@Entity
@Table(name = "organisation")
public class Organisation implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "organisation_ids")
    @TableGenerator(name = "organisation_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "organisation", allocationSize = 50)
    private Long id;

    @Column(name = "ods_code", nullable = false, updatable = false)
    private OdsCode odsCode;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OrganisationKind kind;

    private String address;

    private Postcode postcode;

    private String telephone;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "area_id")
    private Organisation area;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Organisation parent;

    /*
     * The same two columns read as ids: where an organisation sits (what authorisation asks on every
     * request) without reading its area and contractor, a query each.
     */
    @Column(name = "area_id", insertable = false, updatable = false)
    private Long areaId;

    @Column(name = "parent_id", insertable = false, updatable = false)
    private Long parentId;

    /** Provides NUMSAS, the urgent medicine supply service: first in onboarding. */
    private boolean numsas;

    /** The onboarding phase of a premises, derived from its area (see onboarding.PhaseService). */
    @Column(name = "phase_id")
    private Long phaseId;

    @Version
    private long version;

    protected Organisation() {
        // for JPA
    }

    private Organisation(OdsCode odsCode, String name, OrganisationKind kind) {
        this.odsCode = Objects.requireNonNull(odsCode, "odsCode");
        this.kind = Objects.requireNonNull(kind, "kind");
        rename(name);
    }

    public static Organisation premises(OdsCode code, String tradingName, String address, Postcode postcode,
                                        Organisation area, Organisation contractor) {
        if (!code.isPharmacyPremises()) {
            throw RuleViolation.because("refusal.mailbox.isNotAPharmacy", code);
        }
        Organisation premises = new Organisation(code, tradingName, OrganisationKind.PREMISES);
        premises.moveTo(address, Objects.requireNonNull(postcode, "postcode"));
        premises.placeInArea(area);
        premises.assignContractor(contractor);
        return premises;
    }

    public static Organisation contractor(OdsCode code, String name) {
        return new Organisation(code, name, OrganisationKind.CONTRACTOR);
    }

    public static Organisation area(OdsCode code, String name, Organisation enclosingArea) {
        Organisation area = new Organisation(code, name, OrganisationKind.AREA);
        if (enclosingArea != null) {
            requireKind(enclosingArea, OrganisationKind.AREA, "enclosing area");
            area.parent = enclosingArea;
            area.parentId = enclosingArea.getId();
        }
        return area;
    }

    public static Organisation national(OdsCode code, String name) {
        return new Organisation(code, name, OrganisationKind.NATIONAL);
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw RuleViolation.because("refusal.organisation.needsName");
        }
        this.name = newName.strip();
    }

    public void moveTo(String newAddress, Postcode newPostcode) {
        this.address = newAddress == null ? null : newAddress.strip();
        this.postcode = newPostcode;
    }

    public void changeTelephone(String newTelephone) {
        this.telephone = newTelephone;
    }

    public void placeInArea(Organisation newArea) {
        if (newArea != null) {
            requireKind(newArea, OrganisationKind.AREA, "area");
        } else if (kind == OrganisationKind.PREMISES) {
            throw RuleViolation.because("refusal.organisation.needsArea", odsCode);
        }
        this.area = newArea;
        this.areaId = newArea == null ? null : newArea.getId();
    }

    public void assignContractor(Organisation contractor) {
        if (kind != OrganisationKind.PREMISES) {
            throw new IllegalStateException("Only premises have a contractor");
        }
        if (contractor != null) {
            requireKind(contractor, OrganisationKind.CONTRACTOR, "contractor");
        }
        this.parent = contractor;
        this.parentId = contractor == null ? null : contractor.getId();
    }

    private static void requireKind(Organisation organisation, OrganisationKind expected, String role) {
        if (organisation.kind != expected) {
            throw new IllegalArgumentException("The " + role + " must be of kind " + expected
                    + ", but " + organisation.odsCode + " is " + organisation.kind);
        }
    }

    public void flagNumsas(boolean providesNumsas) {
        this.numsas = providesNumsas;
    }

    public boolean isNumsas() {
        return numsas;
    }

    public Long getPhaseId() {
        return phaseId;
    }

    public boolean isPremises() {
        return kind == OrganisationKind.PREMISES;
    }

    public Long getId() {
        return id;
    }

    public OdsCode getOdsCode() {
        return odsCode;
    }

    public String getName() {
        return name;
    }

    public OrganisationKind getKind() {
        return kind;
    }

    public String getAddress() {
        return address;
    }

    public Postcode getPostcode() {
        return postcode;
    }

    public String getTelephone() {
        return telephone;
    }

    public Organisation getArea() {
        return area;
    }

    /** The contractor of a premises, or the enclosing area of an area. */
    public Organisation getParent() {
        return parent;
    }

    /** The area's id, without reading the area (unless it was new when placed). */
    public Long getAreaId() {
        return areaId != null ? areaId : area == null ? null : area.getId();
    }

    /** The parent's id, without reading the parent (unless it was new when assigned). */
    public Long getParentId() {
        return parentId != null ? parentId : parent == null ? null : parent.getId();
    }

    @Override
    public String toString() {
        return kind + " " + odsCode + " " + name;
    }
}
