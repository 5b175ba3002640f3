package uk.nhs.pharmacy.portal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import java.time.Instant;
import java.util.Objects;

/** One recorded change. Immutable: every column is insert-only, and update or remove is refused. */
@Entity
@Table(name = "audit_event")
public class AuditEvent implements java.io.Serializable {

    private static final int TEXT_LIMIT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "audit_ids")
    @TableGenerator(name = "audit_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "audit_event", allocationSize = 50)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "target_type", nullable = false, updatable = false)
    private String targetType;

    @Column(name = "target_id", updatable = false)
    private Long targetId;

    @Column(name = "target_label", updatable = false)
    private String targetLabel;

    @Column(name = "organisation_id", updatable = false)
    private Long organisationId;

    @Column(name = "before_state", updatable = false)
    private String before;

    @Column(name = "after_state", updatable = false)
    private String after;

    @Column(updatable = false)
    private String reason;

    /** HMAC of the row's canonical form ({@link AuditRecord}), made with a key kept off the database. */
    @Column(updatable = false)
    private String mac;

    /** The absent LOA a deputy acted for; null when the actor acted in their own right. */
    @Column(name = "acting_for", updatable = false)
    private String actingFor;

    protected AuditEvent() {
        // for JPA
    }

    AuditEvent(Instant occurredAt, String actor, String action, String targetType, Long targetId,
               String targetLabel, Long organisationId, String before, String after, String reason) {
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.actor = Objects.requireNonNull(actor);
        this.action = Objects.requireNonNull(action);
        this.targetType = Objects.requireNonNull(targetType);
        this.targetId = targetId;
        this.targetLabel = clip(targetLabel, 254);
        this.organisationId = organisationId;
        this.before = clip(before, TEXT_LIMIT);
        this.after = clip(after, TEXT_LIMIT);
        this.reason = clip(reason, 500);
    }

    /** The id of a row written in a set-based batch ({@link AuditLog#recordAll}), not by JPA. */
    void assignId(long blockId) {
        if (id != null) {
            throw new IllegalStateException("Audit event " + id + " has its id already");
        }
        this.id = blockId;
    }

    /** Records that a deputy did this for the absent LOA; before the row is signed. */
    void actingFor(String absentLoa) {
        if (mac != null) {
            throw new IllegalStateException("Audit event " + id + " is signed already");
        }
        this.actingFor = absentLoa;
    }

    private static String clip(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    @PreUpdate
    @PreRemove
    void refuseChange() {
        throw new IllegalStateException("Audit events are append-only");
    }

    String getMac() {
        return mac;
    }

    /** Signs the row once, after its id is assigned and before it is inserted. */
    void sign(String mac) {
        if (this.mac != null) {
            throw new IllegalStateException("Audit event " + id + " is signed already");
        }
        this.mac = mac;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTargetType() {
        return targetType;
    }

    public Long getTargetId() {
        return targetId;
    }

    public String getTargetLabel() {
        return targetLabel;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }

    public String getActingFor() {
        return actingFor;
    }

    public String getReason() {
        return reason;
    }
}
